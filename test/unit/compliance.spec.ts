import {
  checkCompliance,
  ComplianceInput,
  ComplianceResult,
  GUIDELINES,
  MAX_HASHTAGS_IN_A_ROW_WITH_A_LABEL,
} from '../../libs/domain/rules/compliance';

const india = (caption: string, extra: Partial<ComplianceInput> = {}): ComplianceResult =>
  checkCompliance({ market: 'IN', caption, brand: {}, ...extra });

const us = (caption: string, extra: Partial<ComplianceInput> = {}): ComplianceResult =>
  checkCompliance({ market: 'US', caption, platform: 'instagram', brand: {}, ...extra });

const rules = (result: ComplianceResult) => result.violations.map((violation) => violation.rule);

/** The caption text a violation points at, so tests read as "it points at #ad". */
const pointedAt = (caption: string, result: ComplianceResult, which = 0) => {
  const location = result.violations[which].location!;
  return caption.slice(location.index, location.index + location.length);
};

describe('compliance check', () => {
  describe('India (ASCI) disclosure', () => {
    it('accepts "Ad" on the first line for India', () => {
      expect(india('Ad | My new morning routine with GlowCo serum ✨')).toEqual({ compliant: true, violations: [] });
    });

    it('accepts a disclosure on the second line', () => {
      expect(india('My new morning routine ✨\n#ad with @glowco').compliant).toBe(true);
    });

    it.each([
      'Advertisement',
      'Sponsored',
      'Collaboration',
      'Partnership',
      'Employee',
      'Free gift',
      '#ad',
      '#advertisement',
      '#sponsored',
      '#collaboration',
      '#partnership',
      '#employee',
      '#freegift',
      '#free_gift',
    ])('accepts the ASCI label %s', (label) => {
      expect(india(`${label} - trying the new serum`).compliant).toBe(true);
    });

    it('reads labels case-insensitively', () => {
      expect(india('SPONSORED by GlowCo').compliant).toBe(true);
      expect(india('#AD new serum').compliant).toBe(true);
      expect(india('free GIFT from GlowCo').compliant).toBe(true);
    });

    it('accepts a label written straight after an emoji or followed by one', () => {
      expect(india('✨#ad✨ morning routine').compliant).toBe(true);
      expect(india('Ad🔥 morning routine').compliant).toBe(true);
    });

    it('refuses a label on the third line and names the line', () => {
      const caption = 'Morning routine ✨\nSo glowy today\n#ad';
      const result = india(caption);
      expect(result.compliant).toBe(false);
      expect(rules(result)).toEqual(['disclosure-not-upfront']);
      expect(result.violations[0].message).toContain('"#ad" is on line 3');
      expect(result.violations[0].message).toContain('first two lines');
      expect(result.violations[0].location).toEqual({ line: 3, character: caption.indexOf('#ad') + 1, index: caption.indexOf('#ad'), length: 3 });
      expect(result.violations[0].guideline).toBe(GUIDELINES.asciUpfront);
    });

    it('skips leading blank lines when counting the first two lines', () => {
      expect(india('\n\n   \nMorning routine\nAd | GlowCo').compliant).toBe(true);
    });

    it('does not count blank lines between the hook and the label, but reports the line as written', () => {
      expect(india('Morning routine ✨\n\n#ad').compliant).toBe(true);

      const result = india('Morning routine ✨\n\nSo glowy\n\n#ad');
      expect(rules(result)).toEqual(['disclosure-not-upfront']);
      expect(result.violations[0].location?.line).toBe(5);
    });

    it('treats lines of invisible spacing characters (⠀, zero-width space) as blank', () => {
      expect(india('Morning routine\n⠀\n\u200B\n#ad').compliant).toBe(true);
    });

    it('counts CRLF line endings as one line break and points into the caption as given', () => {
      const caption = 'Morning routine\r\nSo glowy\r\nSponsored';
      const result = india(caption);
      expect(rules(result)).toEqual(['disclosure-not-upfront']);
      expect(result.violations[0].location?.line).toBe(3);
      expect(pointedAt(caption, result)).toBe('Sponsored');
      expect(india('Morning routine\r\n\r\n#ad').compliant).toBe(true);
    });

    it('counts old Mac CR line endings as line breaks', () => {
      expect(rules(india('one\rtwo\r#ad'))).toEqual(['disclosure-not-upfront']);
    });

    it('does not count #adorable as a disclosure', () => {
      expect(rules(india('So #adorable with my puppy'))).toEqual(['disclosure-missing']);
    });

    it.each(['An adventure with GlowCo', 'Loading… #ad2 #ads', 'Finally ad-free skincare', 'A non-sponsored review', 'glow.co/ad'])(
      'does not count "Ad" inside another word or token: %s',
      (caption) => {
        expect(rules(india(caption))).toEqual(['disclosure-missing']);
      },
    );

    it.each(['Not sponsored, I just love it', "This isn't an ad", 'No #ad here, just love'])(
      'does not count a label that says the opposite: %s',
      (caption) => {
        expect(rules(india(caption))).toEqual(['disclosure-missing']);
      },
    );

    it('refuses #ad buried in a cluster of hashtags', () => {
      const caption = 'Morning routine ✨\n#skincare #glow #ad #beauty #selfcare';
      const result = india(caption);
      expect(result.compliant).toBe(false);
      expect(rules(result)).toEqual(['disclosure-buried']);
      expect(result.violations[0].message).toContain('"#ad" on line 2 is buried in a run of 5 hashtags');
      expect(result.violations[0].location).toEqual({ line: 2, character: 35, index: caption.indexOf('#ad'), length: 3 });
      expect(result.violations[0].guideline).toBe(GUIDELINES.asciHashtags);
    });

    it(`accepts #ad among at most ${MAX_HASHTAGS_IN_A_ROW_WITH_A_LABEL} hashtags in a row and refuses it in ${MAX_HASHTAGS_IN_A_ROW_WITH_A_LABEL + 1}`, () => {
      expect(india('#ad #glowco #newlaunch Morning routine').compliant).toBe(true);
      expect(rules(india('#ad #glowco #newlaunch #skincare Morning routine'))).toEqual(['disclosure-buried']);
    });

    it('treats hashtags separated by commas or a line break as one cluster', () => {
      expect(rules(india('#skincare, #glow, #ad, #beauty'))).toEqual(['disclosure-buried']);
      expect(rules(india('Morning routine #skincare\n#glow #ad #beauty'))).toEqual(['disclosure-buried']);
    });

    it('lets words or emoji between hashtags break up a cluster', () => {
      expect(india('#skincare #glow | #ad | #beauty #selfcare').compliant).toBe(true);
    });

    it('accepts a caption where one label is buried but another stands apart upfront', () => {
      expect(india('Ad | Morning routine\n#skincare #glow #ad #beauty').compliant).toBe(true);
    });

    it('accepts the platform paid-partnership label in place of a caption label', () => {
      expect(india('Morning routine ✨', { paidPartnershipLabel: true }).compliant).toBe(true);
      expect(rules(india('Morning routine ✨', { paidPartnershipLabel: false }))).toEqual(['disclosure-missing']);
    });

    it('says what ASCI needs when no label is present', () => {
      const [violation] = india('Morning routine ✨').violations;
      expect(violation).toEqual({ rule: 'disclosure-missing', message: expect.stringContaining('ASCI'), guideline: GUIDELINES.asciLabels });
      expect(violation.message).toContain('first two lines');
      expect(violation.message).toContain('"Paid partnership" label');
      expect(violation.location).toBeUndefined();
    });

    it('says the caption is empty when it is', () => {
      for (const caption of ['', '   ', '\r\n\r\n']) {
        const result = india(caption);
        expect(rules(result)).toEqual(['disclosure-missing']);
        expect(result.violations[0].message).toMatch(/^The caption is empty/);
      }
    });
  });

  describe('US (FTC) disclosure', () => {
    it.each(['#ad', '#sponsored', 'Advertisement', 'Sponsored', 'Paid partnership with @glowco', 'Ad', '#paidpartnership'])(
      'accepts %s at the start of an Instagram caption',
      (label) => {
        expect(us(`${label} My morning routine`).compliant).toBe(true);
      },
    );

    it('does not take the platform paid-partnership label alone as a disclosure, and says so', () => {
      const result = us('My morning routine', { paidPartnershipLabel: true });
      expect(rules(result)).toEqual(['platform-label-not-enough']);
      expect(result.violations[0].guideline).toBe(GUIDELINES.ftcTool);
      expect(us('#ad My morning routine', { paidPartnershipLabel: true }).compliant).toBe(true);
    });

    it('refuses #spon alone in the US with a specific message', () => {
      const caption = 'Loving my new serum #spon';
      const result = us(caption);
      expect(result.compliant).toBe(false);
      expect(result.violations).toEqual([
        {
          rule: 'disclosure-ambiguous',
          message: '#spon is too ambiguous for the FTC; use #ad or #sponsored (found on line 1).',
          guideline: GUIDELINES.ftcClear,
          location: { line: 1, character: caption.indexOf('#spon') + 1, index: caption.indexOf('#spon'), length: 5 },
        },
      ]);
    });

    it.each(['#sp', '#thanksGlowCo', '#thanks', '#collab', '#ambassador', '#SPON'])(
      'refuses %s alone as too ambiguous, naming it as written',
      (tag) => {
        const result = us(`Loving my new serum ${tag}`);
        expect(rules(result)).toEqual(['disclosure-ambiguous']);
        expect(result.violations[0].message).toMatch(new RegExp(`^${tag} is too ambiguous for the FTC; use #ad or #sponsored`));
      },
    );

    it('names each ambiguous hashtag once, in caption order', () => {
      const caption = '#sp Loving it #thanksGlowCo\n#sp again';
      const result = us(caption);
      expect(result.violations.map((_, which) => pointedAt(caption, result, which))).toEqual(['#sp', '#thanksGlowCo']);
    });

    it('accepts #spon when #ad is also there before the cut', () => {
      expect(us('#ad #spon My morning routine').compliant).toBe(true);
    });

    it('does not mistake #thanksgiving for a thank-you to the brand', () => {
      expect(rules(us('Happy #thanksgiving'))).toEqual(['disclosure-missing']);
    });

    it('calls the India-only labels too vague in the US', () => {
      const result = us('Collaboration with @glowco');
      expect(rules(result)).toEqual(['disclosure-ambiguous']);
      expect(result.violations[0].message).toContain('FTC');
    });

    it('says where the Instagram cut is when nothing discloses', () => {
      const result = us('Loving my morning routine');
      expect(rules(result)).toEqual(['disclosure-missing']);
      expect(result.violations[0].message).toContain('the first 125 characters, where Instagram cuts the caption off');
    });

    it('does not count #adorable or a negated label', () => {
      expect(rules(us('So #adorable'))).toEqual(['disclosure-missing']);
      expect(rules(us('Not sponsored, just love it'))).toEqual(['disclosure-missing']);
    });

    it('refuses #ad after the 125-character Instagram "more" cut and says where it is', () => {
      const caption = `${'a'.repeat(130)} #ad`;
      const result = us(caption);
      expect(rules(result)).toEqual(['disclosure-not-upfront']);
      expect(result.violations[0].message).toContain('"#ad" starts at character 132 (line 1)');
      expect(result.violations[0].message).toContain('the first 125 characters, where Instagram cuts the caption off');
      expect(pointedAt(caption, result)).toBe('#ad');
    });

    it('accepts #ad ending exactly on character 125 on Instagram and refuses one that straddles the cut', () => {
      expect(us(`${'a'.repeat(121)} #ad`).compliant).toBe(true);
      expect(rules(us(`${'a'.repeat(122)} #ad`))).toEqual(['disclosure-not-upfront']);
    });

    it('counts an emoji as one character towards the cut, however many code units it takes', () => {
      const family = '👩‍👩‍👧'; // eight UTF-16 code units, one character on screen
      expect(us(`${family.repeat(121)} #ad`).compliant).toBe(true);
      expect(rules(us(`${family.repeat(122)} #ad`))).toEqual(['disclosure-not-upfront']);
    });

    it('counts from the first visible character, since platforms trim leading blank lines', () => {
      expect(us(`\n\n   ${'a'.repeat(121)} #ad`).compliant).toBe(true);
    });

    it.each(['tiktok', 'x', 'twitter', 'TikTok'])('cuts at 100 characters on %s', (platform) => {
      expect(us(`${'a'.repeat(96)} #ad`, { platform }).compliant).toBe(true);
      const result = us(`${'a'.repeat(97)} #ad`, { platform });
      expect(rules(result)).toEqual(['disclosure-not-upfront']);
      expect(result.violations[0].message).toContain('the first 100 characters');
    });

    it.each(['youtube', 'linkedin', 'facebook', 'blog', undefined])('cuts at two lines of text on %s', (platform) => {
      expect(us(`${'a'.repeat(300)}\n\n#ad`, { platform }).compliant).toBe(true);
      const result = us('Line one\nLine two\n#ad', { platform });
      expect(rules(result)).toEqual(['disclosure-not-upfront']);
      expect(result.violations[0].message).toContain('the first 2 lines of the caption');
    });

    it('prefers saying the real label is too late over calling #spon ambiguous', () => {
      expect(rules(us(`#spon ${'a'.repeat(130)} #ad`))).toEqual(['disclosure-not-upfront']);
    });

    it('applies the hashtag-cluster rule to the US too (FTC: do not mix it into a group of hashtags)', () => {
      const result = us('#skincare #glow #ad #beauty #selfcare');
      expect(rules(result)).toEqual(['disclosure-buried']);
      expect(result.violations[0].guideline).toBe(GUIDELINES.ftcHashtags);
    });
  });

  describe('brand requirements', () => {
    const disclosed = 'Ad | Morning routine';

    it('names the missing mandatory hashtag', () => {
      const result = india(`${disclosed} #glowco`, { brand: { mandatoryHashtags: ['#GlowCo', '#GlowUpChallenge'] } });
      expect(result).toEqual({
        compliant: false,
        violations: [
          { rule: 'mandatory-hashtag-missing', message: "The caption is missing the brand's mandatory hashtag #GlowUpChallenge.", guideline: GUIDELINES.brand },
        ],
      });
    });

    it('does not let #glowing stand in for the mandatory #glow', () => {
      expect(rules(india(`${disclosed} #glowing`, { brand: { mandatoryHashtags: ['#glow'] } }))).toEqual([
        'mandatory-hashtag-missing',
      ]);
      expect(india(`${disclosed} #glow!`, { brand: { mandatoryHashtags: ['#glow'] } }).compliant).toBe(true);
    });

    it('matches mandatory hashtags case-insensitively, with or without the # in the brand list', () => {
      expect(india(`${disclosed} #GLOWCO`, { brand: { mandatoryHashtags: ['glowco', ' #GlowCo '] } }).compliant).toBe(true);
    });

    it('finds hashtags in other scripts and next to emoji', () => {
      expect(india(`${disclosed} #दिवालीग्लो✨`, { brand: { mandatoryHashtags: ['#दिवालीग्लो'] } }).compliant).toBe(true);
    });

    it('names the missing mandatory mention', () => {
      const result = india(`${disclosed} with @glowco_official`, { brand: { mandatoryMentions: ['@glowco'] } });
      expect(result.violations).toEqual([
        { rule: 'mandatory-mention-missing', message: "The caption is missing the brand's mandatory mention @glowco.", guideline: GUIDELINES.brand },
      ]);
    });

    it('matches mentions case-insensitively, with or without the @, and at the end of a sentence', () => {
      expect(india(`${disclosed} thanks @GlowCo.`, { brand: { mandatoryMentions: ['glowco'] } }).compliant).toBe(true);
      expect(india(`${disclosed} with @glow.co.`, { brand: { mandatoryMentions: ['@glow.co'] } }).compliant).toBe(true);
    });

    it('does not take an email address for a mention', () => {
      expect(rules(india(`${disclosed} write to hello@glowco`, { brand: { mandatoryMentions: ['@glowco'] } }))).toEqual([
        'mandatory-mention-missing',
      ]);
    });

    it('names a prohibited claim and where it is', () => {
      const caption = `${disclosed}\nThis serum Cures Acne overnight`;
      const result = india(caption, { brand: { prohibitedClaims: ['cures acne'] } });
      expect(result.violations).toEqual([
        {
          rule: 'prohibited-claim',
          message: 'Line 2 says "Cures Acne", a claim the brand does not allow; remove or reword it.',
          guideline: GUIDELINES.brand,
          location: { line: 2, character: 33, index: caption.indexOf('Cures Acne'), length: 'Cures Acne'.length },
        },
      ]);
    });

    it('matches prohibited claims only on word boundaries', () => {
      expect(india(`${disclosed} it secures acne-prone skin`, { brand: { prohibitedClaims: ['cures acne'] } }).compliant).toBe(true);
      expect(india(`${disclosed} guaranteed results`, { brand: { prohibitedClaims: ['guarantee'] } }).compliant).toBe(true);
    });

    it('matches a prohibited claim across extra spaces or a line break', () => {
      const caption = `${disclosed} clinically\r\nproven`;
      const result = india(caption, { brand: { prohibitedClaims: ['clinically proven'] } });
      expect(result.violations[0].message).toBe('Line 1 says "clinically proven", a claim the brand does not allow; remove or reword it.');
      expect(pointedAt(caption, result)).toBe('clinically\r\nproven');
    });

    it('reads claims with symbols literally', () => {
      const result = india(`${disclosed} 100% natural (really)! #1 choice`, {
        brand: { prohibitedClaims: ['100% natural', '#1 choice', '(really)'] },
      });
      expect(result.violations.map((violation) => violation.message)).toEqual([
        'Line 1 says "100% natural", a claim the brand does not allow; remove or reword it.',
        'Line 1 says "(really)", a claim the brand does not allow; remove or reword it.',
        'Line 1 says "#1 choice", a claim the brand does not allow; remove or reword it.',
      ]);
    });

    it('reports every occurrence of a prohibited claim in caption order', () => {
      const caption = `${disclosed}\nNo more acne. Best serum ever.\nSeriously, BEST SERUM EVER and no more acne`;
      const result = india(caption, { brand: { prohibitedClaims: ['best serum ever', 'no more acne'] } });
      expect(result.violations.map((violation, which) => [pointedAt(caption, result, which), violation.location?.line])).toEqual([
        ['No more acne', 2],
        ['Best serum ever', 2],
        ['BEST SERUM EVER', 3],
        ['no more acne', 3],
      ]);
    });

    it('ignores blank and repeated entries in the brand lists', () => {
      const result = india(disclosed, {
        brand: { mandatoryHashtags: ['', '#', '#glowco', 'GlowCo'], mandatoryMentions: ['  '], prohibitedClaims: ['', '  '] },
      });
      expect(rules(result)).toEqual(['mandatory-hashtag-missing']);
    });

    it('checks the brand requirements even when the disclosure is missing or the caption is empty', () => {
      const result = us('', { brand: { mandatoryHashtags: ['#glowco'], mandatoryMentions: ['@glowco'] } });
      expect(rules(result)).toEqual(['disclosure-missing', 'mandatory-hashtag-missing', 'mandatory-mention-missing']);
    });
  });

  describe('the result as a whole', () => {
    const input: ComplianceInput = {
      market: 'IN',
      caption: 'Guaranteed glow in 7 days 🌟\nSo happy\n#skincare #glowing #ad #beauty',
      brand: {
        mandatoryHashtags: ['#glowco', '#glow'],
        mandatoryMentions: ['@glowco'],
        prohibitedClaims: ['guaranteed glow', 'so happy'],
      },
    };

    it('orders violations: disclosure, then hashtags, mentions and claims', () => {
      expect(rules(checkCompliance(input))).toEqual([
        'disclosure-not-upfront',
        'mandatory-hashtag-missing',
        'mandatory-hashtag-missing',
        'mandatory-mention-missing',
        'prohibited-claim',
        'prohibited-claim',
      ]);
    });

    it('gives the same answer every time and leaves its input untouched', () => {
      const copy = structuredClone(input);
      expect(checkCompliance(input)).toEqual(checkCompliance(input));
      expect(input).toEqual(copy);
    });

    it('points at the offending text exactly, even after emoji and CRLF line endings', () => {
      const caption = '🌟👩‍👩‍👧 Day one\r\n\r\nSo glowy\r\n🌟 #ad';
      const result = india(caption, { brand: { prohibitedClaims: ['so glowy'] } });
      expect(result.violations.map((violation, which) => [violation.location?.line, pointedAt(caption, result, which)])).toEqual([
        [4, '#ad'],
        [3, 'So glowy'],
      ]);
    });

    it('refuses a market it has no rules for', () => {
      expect(() => checkCompliance({ market: 'UK' as never, caption: '#ad', brand: {} })).toThrow(/no compliance rules for market UK/);
    });
  });
});
