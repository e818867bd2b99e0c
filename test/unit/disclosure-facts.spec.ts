import { disclosureFactsFrom } from '../../apps/api/deliverables/deliverables.panel';
import { declaredDisclosureFacts, disclosureFactsProblem } from '../../libs/domain/rules/disclosure-facts';

describe('disclosure facts declared with a draft or post', () => {
  it('accepts none, and a full declaration that makes sense', () => {
    expect(disclosureFactsProblem({})).toBeUndefined();
    expect(
      disclosureFactsProblem({
        format: 'live', language: 'es-US', durationSeconds: 3600,
        onScreenLabel: { text: 'Publicidad', fromSecond: 0, toSecond: 3600 }, spokenDisclosure: { atStart: true, atEnd: false, repeatedEveryMinutes: 10 },
      }),
    ).toBeUndefined();
  });

  it.each([
    [{ format: 'podcast' }, 'format must be one of post, reel, story, video, short, live, audio'],
    [{ language: 'Spanish' }, 'language must be a BCP 47 language tag, such as "en", "hi" or "es-US"'],
    [{ durationSeconds: 0 }, 'durationSeconds must be a number of seconds between 1 and 86400'],
    [{ onScreenLabel: { text: ' ', fromSecond: 0, toSecond: 3 } }, 'onScreenLabel.text must be the label as shown, at most 200 characters'],
    [{ onScreenLabel: { text: 'Ad', fromSecond: -1, toSecond: 3 } }, 'onScreenLabel.fromSecond and toSecond must be seconds between 0 and 86400'],
    [{ onScreenLabel: { text: 'Ad', fromSecond: 5, toSecond: 3 } }, 'onScreenLabel.toSecond must not be before fromSecond'],
    [{ durationSeconds: 30, onScreenLabel: { text: 'Ad', fromSecond: 40, toSecond: 45 } }, 'onScreenLabel.fromSecond is after the end of the content'],
    [{ spokenDisclosure: { atStart: 'yes' } }, 'spokenDisclosure.atStart and atEnd must be true or false'],
    [{ spokenDisclosure: { repeatedEveryMinutes: 2.5 } }, 'spokenDisclosure.repeatedEveryMinutes must be a whole number of minutes from 1 to 1440'],
  ])('refuses %j: %s', (facts, problem) => {
    expect(disclosureFactsProblem(facts as never)).toBe(problem);
  });

  it('keeps only what was declared', () => {
    expect(declaredDisclosureFacts({})).toBeUndefined();
    expect(declaredDisclosureFacts({ format: 'video', language: undefined, durationSeconds: 90 })).toEqual({ format: 'video', durationSeconds: 90 });
  });

  it("reads the panel form's flat fields into the decision's facts", () => {
    expect(disclosureFactsFrom({ format: 'post', spokenAtStart: 'no', spokenAtEnd: 'no' })).toEqual({ format: 'post' });
    expect(
      disclosureFactsFrom({
        format: 'video', onScreenLabelText: 'Ad', onScreenLabelFrom: 0, onScreenLabelTo: 8, spokenAtStart: 'yes', spokenAtEnd: 'no',
        spokenRepeatedEveryMinutes: undefined, durationSeconds: 480, language: 'en',
      }),
    ).toEqual({ format: 'video', onScreenLabel: { text: 'Ad', fromSecond: 0, toSecond: 8 }, spokenDisclosure: { atStart: true, atEnd: false }, durationSeconds: 480, language: 'en' });
  });
});
