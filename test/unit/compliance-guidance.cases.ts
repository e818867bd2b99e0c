import type { ComplianceInput, ComplianceMarket, ComplianceRule } from '../../libs/domain/rules/compliance';

/**
 * Captions and content descriptions labelled from the published guidance itself, not from what
 * the checker answers. Each case cites the source and the rule it applies; `compliant` is what
 * the guidance says, and `rule`, when given, is the problem the guidance names. The unit test
 * (compliance-guidance.spec.ts) measures agreement per market; docs/compliance.md lists the cases
 * the checker still disagrees on, with the reason.
 */

export type GuidanceCategory =
  | 'clear label'
  | 'missing'
  | 'vague label'
  | 'placement'
  | 'hashtag cluster'
  | 'language'
  | 'permitted list'
  | 'plain language'
  | 'platform tool'
  | 'video'
  | 'story'
  | 'live'
  | 'audio'
  | 'virtual influencer'
  | 'qualifications';

export interface GuidanceCase {
  id: string;
  market: ComplianceMarket;
  category: GuidanceCategory;
  /** The publication. */
  source: string;
  /** The rule in it that decides this case, in a few words. */
  rule: string;
  input: Omit<ComplianceInput, 'market' | 'brand'> & { brand?: ComplianceInput['brand'] };
  compliant: boolean;
  /** The problem the guidance names, when the case is not compliant. */
  violation?: ComplianceRule;
}

const FTC_101 = 'FTC, Disclosures 101 for Social Media Influencers (2019)';
const FTC_FAQ = "FTC, Endorsement Guides: What People Are Asking (FAQ, 2023)";
const ASCI_2021 = 'ASCI, Guidelines for Influencer Advertising in Digital Media (2021)';
const ASCI_TOOL = "ASCI, Influencer disclosure tool (permitted labels, current list)";
const ASCI_2023 = 'ASCI, Addendum to the influencer guidelines for health and financial influencers (2023)';
const CAP = "CAP/CMA, Influencers' guide to making clear that ads are ads (2020)";

/** One paragraph of about 280 characters: anything after it is behind Instagram's "more". */
const LONG_PARAGRAPH =
  'Three weeks into using the new GlowCo winter serum every morning and night, and honestly my skin has never felt this soft; ' +
  'the texture is light, it sinks in fast, there is no sticky feeling under sunscreen, and even the dry patches around my nose have calmed down completely';

export const GUIDANCE_CASES: GuidanceCase[] = [
  // ---------------------------------------------------------------------------------------- US
  { id: 'us-hashtag-ad-first', market: 'US', category: 'clear label', source: FTC_101, rule: '#ad and #sponsored are clear', input: { platform: 'instagram', caption: "#ad My morning routine with @glowco's winter serum" }, compliant: true },
  { id: 'us-sponsored-word', market: 'US', category: 'clear label', source: FTC_101, rule: '"Sponsored" is a simple, clear term', input: { platform: 'instagram', caption: 'Sponsored: three days with the GlowCo winter serum' }, compliant: true },
  { id: 'us-advertisement-word', market: 'US', category: 'clear label', source: FTC_101, rule: '"Advertisement" is a simple, clear term', input: { platform: 'tiktok', caption: 'Advertisement — my honest take on the GlowCo serum after a week' }, compliant: true },
  { id: 'us-paid-partnership-words', market: 'US', category: 'clear label', source: FTC_101, rule: 'simple, clear words about the paid relationship', input: { platform: 'instagram', caption: 'Paid partnership with @glowco — my glow routine this winter' }, compliant: true },
  { id: 'us-no-disclosure', market: 'US', category: 'missing', source: FTC_101, rule: 'disclose any financial relationship with a brand', input: { platform: 'instagram', caption: 'My skin has never looked this good, obsessed with @glowco' }, compliant: false, violation: 'disclosure-missing' },
  { id: 'us-bio-only', market: 'US', category: 'missing', source: FTC_101, rule: 'a disclosure only on the profile page is not enough', input: { platform: 'instagram', caption: 'New serum day ✨ all the details are in my bio' }, compliant: false, violation: 'disclosure-missing' },
  { id: 'us-thanks-mention', market: 'US', category: 'missing', source: FTC_101, rule: '"thanks" alone is not a disclosure', input: { platform: 'instagram', caption: 'Thanks @glowco! Loving the new serum' }, compliant: false },
  { id: 'us-sp', market: 'US', category: 'vague label', source: FTC_101, rule: '"sp" is vague and confusing', input: { platform: 'instagram', caption: 'Glowing all week with @glowco #sp' }, compliant: false, violation: 'disclosure-ambiguous' },
  { id: 'us-spon', market: 'US', category: 'vague label', source: FTC_101, rule: '"spon" is vague and confusing', input: { platform: 'instagram', caption: 'New favourite serum #spon' }, compliant: false, violation: 'disclosure-ambiguous' },
  { id: 'us-collab', market: 'US', category: 'vague label', source: FTC_101, rule: '"collab" is vague and confusing', input: { platform: 'instagram', caption: '#collab with @glowco, the serum is amazing' }, compliant: false, violation: 'disclosure-ambiguous' },
  { id: 'us-thanks-hashtag', market: 'US', category: 'vague label', source: FTC_101, rule: 'stand-alone "thanks" is vague', input: { platform: 'instagram', caption: '#thanksglowco for this serum' }, compliant: false, violation: 'disclosure-ambiguous' },
  { id: 'us-ambassador-alone', market: 'US', category: 'vague label', source: FTC_101, rule: 'stand-alone "ambassador" is vague', input: { platform: 'instagram', caption: 'Proud to be an #ambassador! New serum out now' }, compliant: false, violation: 'disclosure-ambiguous' },
  { id: 'us-affiliate-link-alone', market: 'US', category: 'vague label', source: FTC_FAQ, rule: 'consumers may not understand "affiliate link"', input: { platform: 'instagram', caption: '#affiliatelink my favourite serum this winter' }, compliant: false, violation: 'disclosure-ambiguous' },
  { id: 'us-after-more-instagram', market: 'US', category: 'placement', source: FTC_101, rule: 'seen without clicking "more"', input: { platform: 'instagram', caption: `${LONG_PARAGRAPH} #ad` }, compliant: false, violation: 'disclosure-not-upfront' },
  { id: 'us-after-more-tiktok', market: 'US', category: 'placement', source: FTC_101, rule: 'seen without clicking "more"', input: { platform: 'tiktok', caption: `${LONG_PARAGRAPH.slice(0, 110)} #ad` }, compliant: false, violation: 'disclosure-not-upfront' },
  { id: 'us-ad-after-wall', market: 'US', category: 'hashtag cluster', source: FTC_101, rule: 'do not mix the disclosure into a group of hashtags', input: { platform: 'instagram', caption: 'Morning routine\n#skincare #glow #beauty #selfcare #serum #ad' }, compliant: false, violation: 'disclosure-buried' },
  { id: 'us-ad-inside-cluster', market: 'US', category: 'hashtag cluster', source: FTC_101, rule: 'do not mix the disclosure into a group of hashtags', input: { platform: 'instagram', caption: '#skincare #glow #ad #beauty #selfcare my serum routine' }, compliant: false, violation: 'disclosure-buried' },
  { id: 'us-thanks-free-product', market: 'US', category: 'plain language', source: FTC_101, rule: '"Thanks to Brand for the free product" is clear', input: { platform: 'instagram', caption: 'Thanks to GlowCo for the free serum! Here is my honest review' }, compliant: true },
  { id: 'us-employee-in-words', market: 'US', category: 'plain language', source: FTC_FAQ, rule: 'an employment relationship stated in words', input: { platform: 'instagram', caption: 'I work for GlowCo, and this is the serum our lab spent two years on' }, compliant: true },
  { id: 'us-commission-in-words', market: 'US', category: 'plain language', source: FTC_FAQ, rule: '"I get commissions for purchases made through links in this post"', input: { platform: 'instagram', caption: 'I earn a commission on purchases through the links below. My favourite serum this winter' }, compliant: true },
  { id: 'us-brand-partner-x', market: 'US', category: 'plain language', source: FTC_FAQ, rule: '"#XYZ_Partner" at the start of a tweet', input: { platform: 'x', caption: '#GlowCoPartner New winter serum just dropped', brand: { name: 'GlowCo' } }, compliant: true },
  { id: 'us-brand-ambassador-x', market: 'US', category: 'plain language', source: FTC_FAQ, rule: '"#XYZ_Ambassador" at the start of a tweet', input: { platform: 'x', caption: '#GlowCo_Ambassador loving the new serum', brand: { name: 'GlowCo' } }, compliant: true },
  { id: 'us-spanish-publicidad', market: 'US', category: 'language', source: FTC_FAQ, rule: 'the disclosure in the language of the endorsement', input: { platform: 'instagram', caption: 'Publicidad: mi rutina de mañana con el nuevo sérum de @glowco, me encanta cómo deja la piel' }, compliant: true },
  { id: 'us-spanish-declared', market: 'US', category: 'language', source: FTC_FAQ, rule: 'the disclosure in the language of the endorsement', input: { platform: 'instagram', language: 'es-US', caption: 'Publicidad ✨ sérum nuevo' }, compliant: true },
  { id: 'us-english-ad-on-spanish', market: 'US', category: 'language', source: FTC_FAQ, rule: 'an English disclosure on a Spanish endorsement is not clear', input: { platform: 'instagram', caption: '#ad Mi rutina de mañana con el nuevo sérum de @glowco, me encanta cómo deja la piel' }, compliant: false, violation: 'disclosure-wrong-language' },
  { id: 'us-spanish-label-on-english', market: 'US', category: 'language', source: FTC_FAQ, rule: 'the disclosure in the language of the endorsement', input: { platform: 'instagram', caption: 'Publicidad — my morning routine with the new GlowCo serum, loving how soft my skin feels' }, compliant: false, violation: 'disclosure-wrong-language' },
  { id: 'us-tool-only', market: 'US', category: 'platform tool', source: FTC_101, rule: "do not assume a platform's disclosure tool is good enough", input: { platform: 'instagram', caption: 'My morning routine ✨', paidPartnershipLabel: true }, compliant: false, violation: 'platform-label-not-enough' },
  { id: 'us-tool-and-ad', market: 'US', category: 'platform tool', source: FTC_101, rule: 'the tool in addition to your own disclosure', input: { platform: 'instagram', caption: '#ad My morning routine ✨', paidPartnershipLabel: true }, compliant: true },
  { id: 'us-video-description-only', market: 'US', category: 'video', source: FTC_101, rule: 'in the video itself, not just in the description', input: { platform: 'youtube', format: 'video', caption: '#ad This video is sponsored by GlowCo' }, compliant: false, violation: 'disclosure-not-in-content' },
  { id: 'us-video-said-at-start', market: 'US', category: 'video', source: FTC_101, rule: 'say it in the video', input: { platform: 'youtube', format: 'video', caption: 'My winter skincare routine', spokenDisclosure: { atStart: true } }, compliant: true },
  { id: 'us-reel-on-screen', market: 'US', category: 'video', source: FTC_101, rule: 'superimposed on the video, long enough to be noticed', input: { platform: 'instagram', format: 'reel', caption: '#ad morning routine', onScreenLabel: { text: 'Ad', fromSecond: 0, toSecond: 5 } }, compliant: true },
  { id: 'us-story-no-label', market: 'US', category: 'story', source: FTC_101, rule: 'superimpose the disclosure on Snapchat or Instagram Stories', input: { platform: 'instagram', format: 'story', caption: '' }, compliant: false, violation: 'disclosure-not-in-content' },
  { id: 'us-story-flash', market: 'US', category: 'story', source: FTC_101, rule: 'enough time for followers to notice and read it', input: { platform: 'instagram', format: 'story', caption: '', onScreenLabel: { text: '#ad', fromSecond: 0, toSecond: 1 } }, compliant: false, violation: 'on-screen-label-too-short' },
  { id: 'us-live-start-only', market: 'US', category: 'live', source: FTC_101, rule: 'repeat the disclosure periodically during a live stream', input: { platform: 'youtube', format: 'live', caption: 'Live: winter skincare Q&A', spokenDisclosure: { atStart: true } }, compliant: false, violation: 'live-disclosure-not-repeated' },
  { id: 'us-live-repeated', market: 'US', category: 'live', source: FTC_101, rule: 'repeat the disclosure periodically during a live stream', input: { platform: 'youtube', format: 'live', caption: 'Live: winter skincare Q&A', spokenDisclosure: { atStart: true, repeatedEveryMinutes: 10 } }, compliant: true },
  { id: 'us-podcast-said', market: 'US', category: 'audio', source: FTC_FAQ, rule: 'in a podcast, say it', input: { format: 'audio', caption: 'Episode 12: winter skin', spokenDisclosure: { atStart: true } }, compliant: true },

  // ---------------------------------------------------------------------------------------- IN
  { id: 'in-ad-first', market: 'IN', category: 'clear label', source: ASCI_2021, rule: '"Ad" is a permitted label, upfront', input: { platform: 'instagram', caption: 'Ad | Meri morning routine with @glowco serum' }, compliant: true },
  { id: 'in-free-gift', market: 'IN', category: 'clear label', source: ASCI_2021, rule: '"Free gift" is a permitted label', input: { platform: 'instagram', caption: 'Free gift from @glowco — trying it for a week' }, compliant: true },
  { id: 'in-employee', market: 'IN', category: 'clear label', source: ASCI_2021, rule: '"Employee" is a permitted label', input: { platform: 'linkedin', caption: 'Employee | our new serum launches today' }, compliant: true },
  { id: 'in-collaboration', market: 'IN', category: 'clear label', source: ASCI_2021, rule: '"Collaboration" is a permitted label', input: { platform: 'instagram', caption: '#collaboration with @glowco for Diwali' }, compliant: true },
  { id: 'in-no-disclosure', market: 'IN', category: 'missing', source: ASCI_2021, rule: 'a material connection must be disclosed', input: { platform: 'instagram', caption: 'Morning routine with @glowco ✨' }, compliant: false, violation: 'disclosure-missing' },
  { id: 'in-bio-only', market: 'IN', category: 'missing', source: ASCI_2021, rule: 'the label on the post itself, not only the bio', input: { platform: 'instagram', caption: 'Glow mode on ✨ (see bio)' }, compliant: false, violation: 'disclosure-missing' },
  { id: 'in-sp', market: 'IN', category: 'vague label', source: ASCI_2021, rule: 'only the permitted labels', input: { platform: 'instagram', caption: '#sp loving this serum' }, compliant: false },
  { id: 'in-collab-short', market: 'IN', category: 'vague label', source: ASCI_2021, rule: 'only the permitted labels', input: { platform: 'instagram', caption: '#collab with @glowco' }, compliant: false },
  { id: 'in-thanks-mention', market: 'IN', category: 'vague label', source: ASCI_2021, rule: 'only the permitted labels', input: { platform: 'instagram', caption: 'Thanks @glowco for the serum!' }, compliant: false },
  { id: 'in-hindi-label', market: 'IN', category: 'language', source: ASCI_TOOL, rule: 'the label in English or in the language of the advertisement', input: { platform: 'instagram', caption: 'विज्ञापन | GlowCo के नए सीरम के साथ मेरी सुबह की दिनचर्या' }, compliant: true },
  { id: 'in-tamil-label', market: 'IN', category: 'language', source: ASCI_TOOL, rule: 'the label in English or in the language of the advertisement', input: { platform: 'instagram', caption: 'விளம்பரம் | GlowCo சீரம் உடன் என் காலை வழக்கம்' }, compliant: true },
  { id: 'in-english-ad-hindi-post', market: 'IN', category: 'language', source: ASCI_TOOL, rule: 'the label in English or in the language of the advertisement', input: { platform: 'instagram', caption: '#ad GlowCo के नए सीरम के साथ मेरी सुबह की दिनचर्या बहुत अच्छी है' }, compliant: true },
  { id: 'in-hindi-label-declared', market: 'IN', category: 'language', source: ASCI_TOOL, rule: 'the label in the language of the advertisement', input: { platform: 'youtube', language: 'hi-IN', caption: 'प्रायोजित: सर्दियों की स्किनकेयर' }, compliant: true },
  { id: 'in-affiliate', market: 'IN', category: 'permitted list', source: ASCI_TOOL, rule: '"Affiliate" is on the permitted list', input: { platform: 'instagram', caption: 'Affiliate | links to the serum I use are below' }, compliant: true },
  { id: 'in-affiliate-hashtag', market: 'IN', category: 'permitted list', source: ASCI_TOOL, rule: '"Affiliate" is on the permitted list', input: { platform: 'instagram', caption: '#affiliate my go-to serum' }, compliant: true },
  { id: 'in-tool-only', market: 'IN', category: 'platform tool', source: ASCI_TOOL, rule: "Instagram's Paid Partnership tag is on the permitted list", input: { platform: 'instagram', caption: 'Morning routine ✨', paidPartnershipLabel: true }, compliant: true },
  { id: 'in-youtube-paid-promotion', market: 'IN', category: 'platform tool', source: ASCI_TOOL, rule: "YouTube's Includes Paid Promotion tag is on the permitted list", input: { platform: 'youtube', caption: 'Winter skincare haul', paidPartnershipLabel: true }, compliant: true },
  { id: 'in-third-line', market: 'IN', category: 'placement', source: ASCI_2021, rule: 'within the first two lines', input: { platform: 'youtube', caption: 'Morning routine\nSo glowy\n#ad' }, compliant: false, violation: 'disclosure-not-upfront' },
  { id: 'in-after-more-one-paragraph', market: 'IN', category: 'placement', source: ASCI_2021, rule: 'a label behind "more" is missed', input: { platform: 'instagram', caption: `${LONG_PARAGRAPH} #ad` }, compliant: false, violation: 'disclosure-not-upfront' },
  { id: 'in-early-in-paragraph', market: 'IN', category: 'placement', source: ASCI_2021, rule: 'upfront, before the "more" cut', input: { platform: 'instagram', caption: `Three weeks with @glowco #ad ${LONG_PARAGRAPH}` }, compliant: true },
  { id: 'in-ad-in-cluster', market: 'IN', category: 'hashtag cluster', source: ASCI_2021, rule: 'not buried in a group of hashtags', input: { platform: 'instagram', caption: 'Morning routine\n#skincare #glow #ad #beauty #selfcare' }, compliant: false, violation: 'disclosure-buried' },
  { id: 'in-ad-after-wall', market: 'IN', category: 'hashtag cluster', source: ASCI_2021, rule: 'not buried in a group of hashtags', input: { platform: 'instagram', caption: 'Morning routine #skincare #glow #beauty #selfcare #ad' }, compliant: false, violation: 'disclosure-buried' },
  { id: 'in-video-description-only', market: 'IN', category: 'video', source: ASCI_2021, rule: 'the label in the video, not only the description', input: { platform: 'youtube', format: 'video', durationSeconds: 600, caption: '#ad GlowCo serum review' }, compliant: false, violation: 'disclosure-not-in-content' },
  { id: 'in-video-third', market: 'IN', category: 'video', source: ASCI_2021, rule: 'a video of 15 s to 2 min: the label for a third of its length', input: { platform: 'youtube', format: 'video', durationSeconds: 60, caption: 'GlowCo serum review', onScreenLabel: { text: 'Ad', fromSecond: 0, toSecond: 20 } }, compliant: true },
  { id: 'in-video-label-too-short', market: 'IN', category: 'video', source: ASCI_2021, rule: 'a video of 15 s to 2 min: the label for a third of its length', input: { platform: 'youtube', format: 'video', durationSeconds: 90, caption: 'GlowCo serum review', onScreenLabel: { text: 'Ad', fromSecond: 0, toSecond: 10 } }, compliant: false, violation: 'on-screen-label-too-short' },
  { id: 'in-short-3s', market: 'IN', category: 'video', source: ASCI_2021, rule: 'a video of up to 15 s: the label for at least 3 s', input: { platform: 'youtube', format: 'short', durationSeconds: 15, caption: 'Glow in 15', onScreenLabel: { text: 'Ad', fromSecond: 0, toSecond: 3 } }, compliant: true },
  { id: 'in-long-video-label-before-brand-part', market: 'IN', category: 'video', source: ASCI_2021, rule: 'a video over 2 min: the label for the whole part where the brand is promoted', input: { platform: 'youtube', format: 'video', durationSeconds: 720, caption: 'Vlog: a week in Goa (GlowCo segment from 6:00 to 8:30)', onScreenLabel: { text: 'Ad', fromSecond: 0, toSecond: 5 } }, compliant: false },
  { id: 'in-reel-hindi-on-screen', market: 'IN', category: 'video', source: ASCI_2021, rule: 'the label in the video, in the language of the advertisement', input: { platform: 'instagram', format: 'reel', durationSeconds: 30, language: 'hi', caption: 'सुबह की दिनचर्या', onScreenLabel: { text: 'विज्ञापन', fromSecond: 0, toSecond: 10 } }, compliant: true },
  { id: 'in-story-on-screen', market: 'IN', category: 'story', source: ASCI_2021, rule: 'the label superimposed on the story', input: { platform: 'instagram', format: 'story', durationSeconds: 15, caption: '', onScreenLabel: { text: 'Sponsored', fromSecond: 0, toSecond: 5 } }, compliant: true },
  { id: 'in-audio-start-and-end', market: 'IN', category: 'audio', source: ASCI_2021, rule: 'audio: announced at the beginning and at the end', input: { format: 'audio', caption: 'Episode 4: money habits', spokenDisclosure: { atStart: true, atEnd: true } }, compliant: true },
  { id: 'in-audio-start-only', market: 'IN', category: 'audio', source: ASCI_2021, rule: 'audio: announced at the beginning and at the end', input: { format: 'audio', caption: 'Episode 4: money habits', spokenDisclosure: { atStart: true } }, compliant: false, violation: 'spoken-disclosure-incomplete' },
  { id: 'in-live-label-throughout', market: 'IN', category: 'live', source: ASCI_2021, rule: 'live streams: disclosed at the start and during the stream', input: { platform: 'youtube', format: 'live', durationSeconds: 3600, caption: 'Live: Diwali glow', onScreenLabel: { text: 'Ad', fromSecond: 0, toSecond: 3600 } }, compliant: true },
  { id: 'in-live-start-only', market: 'IN', category: 'live', source: ASCI_2021, rule: 'live streams: disclosed at the start and during the stream', input: { platform: 'youtube', format: 'live', caption: 'Live: Diwali glow', spokenDisclosure: { atStart: true } }, compliant: false, violation: 'live-disclosure-not-repeated' },
  { id: 'in-virtual-not-said', market: 'IN', category: 'virtual influencer', source: ASCI_2021, rule: 'a virtual influencer tells the audience it is not a real human', input: { platform: 'instagram', caption: 'Ad | My new look with @glowco', creator: { isVirtual: true } }, compliant: false, violation: 'virtual-influencer-not-disclosed' },
  { id: 'in-virtual-said', market: 'IN', category: 'virtual influencer', source: ASCI_2021, rule: 'a virtual influencer tells the audience it is not a real human', input: { platform: 'instagram', caption: 'Ad | Your favourite virtual influencer tries @glowco #VirtualInfluencer', creator: { isVirtual: true } }, compliant: true },
  { id: 'in-finance-no-qualifications', market: 'IN', category: 'qualifications', source: ASCI_2023, rule: 'financial influencers must be qualified', input: { platform: 'instagram', caption: 'Ad | How I save every month with @growbank', creator: { qualifications: [] }, brand: { category: 'financial services' } }, compliant: false, violation: 'qualifications-missing' },
  { id: 'in-finance-qualifications-shown', market: 'IN', category: 'qualifications', source: ASCI_2023, rule: 'qualifications shown prominently', input: { platform: 'instagram', caption: 'Ad | SEBI Registered Investment Adviser here: how I plan my SIPs with @growfund', creator: { qualifications: ['SEBI Registered Investment Adviser'] }, brand: { category: 'financial services' } }, compliant: true },
  { id: 'in-health-qualifications-not-shown', market: 'IN', category: 'qualifications', source: ASCI_2023, rule: 'qualifications shown prominently', input: { platform: 'instagram', caption: 'Ad | My daily vitamins from @vitaco', creator: { qualifications: ['MBBS'] }, brand: { category: 'health supplements' } }, compliant: false, violation: 'qualifications-not-shown' },

  // ---------------------------------------------------------------------------------------- GB
  { id: 'gb-hashtag-ad-first', market: 'GB', category: 'clear label', source: CAP, rule: '"#ad" upfront', input: { platform: 'instagram', caption: '#ad Three days with the GlowCo serum' }, compliant: true },
  { id: 'gb-advert', market: 'GB', category: 'clear label', source: CAP, rule: '"Advert" upfront', input: { platform: 'instagram', caption: 'Advert | my winter skincare with @glowco' }, compliant: true },
  { id: 'gb-ad-sentence', market: 'GB', category: 'clear label', source: CAP, rule: '"Ad" upfront', input: { platform: 'tiktok', caption: 'Ad: @glowco paid me to try their serum' }, compliant: true },
  { id: 'gb-no-disclosure', market: 'GB', category: 'missing', source: CAP, rule: 'ads must be obviously identifiable', input: { platform: 'instagram', caption: 'Loving my new serum from @glowco' }, compliant: false, violation: 'disclosure-missing' },
  { id: 'gb-sponsored-alone', market: 'GB', category: 'vague label', source: CAP, rule: '"Sponsored" is not enough on its own', input: { platform: 'instagram', caption: 'Sponsored by @glowco — my winter routine' }, compliant: false, violation: 'disclosure-ambiguous' },
  { id: 'gb-affiliate-alone', market: 'GB', category: 'vague label', source: CAP, rule: '"Affiliate" is not enough on its own', input: { platform: 'instagram', caption: 'Affiliate link below for the serum I use every day' }, compliant: false, violation: 'disclosure-ambiguous' },
  { id: 'gb-in-collaboration', market: 'GB', category: 'vague label', source: CAP, rule: '"In collaboration with" is not enough on its own', input: { platform: 'instagram', caption: 'In collaboration with @glowco: my winter routine' }, compliant: false, violation: 'disclosure-ambiguous' },
  { id: 'gb-thanks-free', market: 'GB', category: 'vague label', source: CAP, rule: '"Thanks to" is not enough on its own', input: { platform: 'instagram', caption: 'Thanks to @glowco for the free serum!' }, compliant: false },
  { id: 'gb-spon', market: 'GB', category: 'vague label', source: CAP, rule: '"#spon" is not clear', input: { platform: 'instagram', caption: '#spon glowing this week' }, compliant: false, violation: 'disclosure-ambiguous' },
  { id: 'gb-tool-only', market: 'GB', category: 'platform tool', source: CAP, rule: "a platform's paid-partnership tool may not be enough alone", input: { platform: 'instagram', caption: 'My winter routine', paidPartnershipLabel: true }, compliant: false, violation: 'platform-label-not-enough' },
  { id: 'gb-tool-and-ad', market: 'GB', category: 'platform tool', source: CAP, rule: 'the tool plus "Ad"', input: { platform: 'instagram', caption: '#ad My winter routine', paidPartnershipLabel: true }, compliant: true },
  { id: 'gb-after-more', market: 'GB', category: 'placement', source: CAP, rule: 'identifiable upfront, before anyone engages', input: { platform: 'instagram', caption: `${LONG_PARAGRAPH} #ad` }, compliant: false, violation: 'disclosure-not-upfront' },
  { id: 'gb-buried', market: 'GB', category: 'hashtag cluster', source: CAP, rule: '"#ad" not lost among other hashtags', input: { platform: 'instagram', caption: '#skincare #glow #serum #beauty #ad morning routine' }, compliant: false, violation: 'disclosure-buried' },
  { id: 'gb-video-description-only', market: 'GB', category: 'video', source: CAP, rule: 'the label in the video, not only the description', input: { platform: 'youtube', format: 'video', caption: '#ad My GlowCo winter routine' }, compliant: false, violation: 'disclosure-not-in-content' },
  { id: 'gb-video-on-screen', market: 'GB', category: 'video', source: CAP, rule: 'the label at the start of the video', input: { platform: 'youtube', format: 'video', caption: 'My winter routine', onScreenLabel: { text: 'AD', fromSecond: 0, toSecond: 10 } }, compliant: true },
  { id: 'gb-video-label-late', market: 'GB', category: 'video', source: CAP, rule: 'identifiable upfront, not part-way through', input: { platform: 'youtube', format: 'video', caption: 'My winter routine', onScreenLabel: { text: 'Ad', fromSecond: 240, toSecond: 260 } }, compliant: false, violation: 'on-screen-label-late' },
  { id: 'gb-story-ad', market: 'GB', category: 'story', source: CAP, rule: 'the label on the story frame', input: { platform: 'instagram', format: 'story', caption: '', onScreenLabel: { text: '#ad', fromSecond: 0, toSecond: 15 } }, compliant: true },
  { id: 'gb-story-sponsored', market: 'GB', category: 'story', source: CAP, rule: '"Sponsored" is not enough on its own', input: { platform: 'instagram', format: 'story', caption: '', onScreenLabel: { text: 'Sponsored', fromSecond: 0, toSecond: 15 } }, compliant: false, violation: 'on-screen-label-unclear' },
  { id: 'gb-live-repeated', market: 'GB', category: 'live', source: CAP, rule: 'labelled from the start and throughout', input: { platform: 'youtube', format: 'live', caption: 'Live with GlowCo', spokenDisclosure: { atStart: true, repeatedEveryMinutes: 10 } }, compliant: true },
  { id: 'gb-live-start-only', market: 'GB', category: 'live', source: CAP, rule: 'labelled from the start and throughout', input: { platform: 'youtube', format: 'live', caption: 'Live with GlowCo', spokenDisclosure: { atStart: true } }, compliant: false, violation: 'live-disclosure-not-repeated' },
  { id: 'gb-podcast-said', market: 'GB', category: 'audio', source: CAP, rule: 'audio: say it is an ad at the start', input: { format: 'audio', caption: 'Episode 7', spokenDisclosure: { atStart: true } }, compliant: true },
  { id: 'gb-podcast-unsaid', market: 'GB', category: 'audio', source: CAP, rule: 'audio: say it is an ad at the start', input: { format: 'audio', caption: '#ad Episode 7 with GlowCo' }, compliant: false, violation: 'disclosure-not-in-content' },
];
