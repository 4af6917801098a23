/**
 * Blocks inside the article container that are page furniture, judged on their text alone: labels
 * ("Anzeige", "Read more"), reader pitches (newsletter, social), consent placeholders that stand
 * in for an embedded video or post, bylines and dateline stamps on a line of their own. Each rule
 * is anchored on the whole (short) block, so a sentence of reporting that merely contains the
 * words stays. Languages: the ones sitrep's analysts read most (en, de, fr, es, it, nl, pl, pt);
 * German first, since German news, magazines and blogs are what extraction was weakest on.
 */

/** Lines that label page furniture rather than say anything ("Advert", "comments", "Weiterlesen"). */
const FURNITURE_LINE = new RegExp(
  '^(' +
    [
      // English
      'advertisement|advertisment|advert|sponsored|comments?|share( this( article| story)?)?',
      'follow us|read more|related|see also|continue reading|click here|sign up|subscribe',
      'image|photo|video|getty images|reuters|ap photo|this slideshow requires javascript',
      'tell us what you think|key points|most read|recommended|more on this story|read next',
      // German
      'anzeige|werbung|weiterlesen|mehr zum thema|lesen sie (auch|mehr)|auch interessant',
      'das könnte sie auch interessieren|mehr lesen|zum artikel|artikel teilen|teilen',
      'kommentare?|empfehlungen|meistgelesen|zur startseite|mehr (aus|zu|news|nachrichten)',
      'dieses thema im programm|weitere informationen|ende der weiteren informationen',
      'schlagwörter( zu diesem artikel)?|themen( zu diesem artikel)?|mehr zum autor',
      'weitere themen|mehr themen|news (&|und) schlagzeilen|placeholder image|passend zum (artikel|thema)',
      // German blog furniture (WordPress and friends)
      'ähnliche (beiträge|artikel)|verwandte (beiträge|artikel)|das könnte dich auch interessieren',
      'schreibe(n sie)? einen kommentar|kommentar (verfassen|schreiben|abschicken)|antworten',
      'teilen mit|gefällt mir|beitragsnavigation|vorheriger beitrag|nächster beitrag',
      // French, Spanish, Italian, Dutch, Polish, Portuguese
      '(à )?lire aussi|publicit[ée]|partager|lee también|leer más|publicidad|compartir',
      'leggi anche|pubblicit[àa]|lees ook|advertentie|czytaj (też|także|również)|reklama',
      'leia também|publicidade|czytaj więcej',
      // article tools and comment widgets
      'report this comment|\\[offensive\\? unsuitable\\?|post a comment|sign in or create an account',
      'printer friendly|send this (article|story) to|click (photo|image) to enlarge|story continues below',
      'font:|latest news|subscription deals|text size|rate this (article|story)|print email',
      // players, embeds and tools
      'player wird geladen|video wird geladen|embed|schriftgröße|textgröße|fehler gefunden\\?\\s*(jetzt melden\\.?)?|folgen auf:',
    ].join('|') +
    // Not followed by a letter or digit: \b fails after "font:" (a colon is no word character).
    ')(?![\\p{L}\\p{N}]).{0,60}$',
  'iu',
);

/** A newsletter pitch: asks to sign up and names the newsletter or inbox; short, never reporting. */
const NEWSLETTER_PITCH =
  /\b(sign up|subscribe|delivered|abonnieren|anmelden|registrieren)\b.*\b(newsletters?|inbox|letterbox|postfach)\b|\b(newsletters?|inbox)\b.*\b(sign up|subscribe|abonnieren|anmelden)\b/iu;
/** A word every NEWSLETTER_PITCH match holds: a plain scan that spares most blocks the pattern. */
const NEWSLETTER_WORD = /newsletter|inbox|letterbox|postfach/iu;
const SOCIAL_PITCH =
  /^(follow|like|folgen sie|folge|folgst du( schon)?|folgt ihr( schon)?) .{0,80}\b(twitter|facebook|instagram|linkedin|tiktok|whatsapp|telegram|threads|bluesky)\b/iu;
/** Shortcodes a CMS failed to render ("[button link=...]Send us[/button]"). */
/** Any short block about the site's newsletter, app or social accounts is a pitch, in any language. */
const SITE_PITCH =
  /\bnewsletter|\b(app|apps)\b.{0,80}\b(android|ios|herunterladen|download|installieren)\b|\b(auch bei|folgen sie uns|folge uns|follow us|find us)\b.{0,60}\b(social media|whatsapp|instagram|facebook|tiktok|telegram|twitter|youtube)\b/iu;
/** A word every SITE_PITCH match holds: a plain scan that spares most blocks the pattern. */
const SITE_PITCH_WORD = /newsletter|app|auch bei|folge|follow us|find us/iu;
/** 300: BR24's "Hier ist Bayern" newsletter pitch runs to 260 characters (dev: AEB and fundus +0.0002). */
const SITE_PITCH_MAX_CHARS = 300;
/** "3 Min Lesezeit", "Lesezeit: 4 Minuten", "5 min read". */
const READING_TIME =
  /^((lesezeit|lesedauer|reading time)\s*:?\s*)?(ca\.\s*)?\d+\s*(min\.?|minuten|minutes?)(\s*(lesezeit|lesedauer|read|reading time))?$/iu;
/** "Do 25.04.24 | 14:07 Uhr | Von Eva Kirchner", "NDR 1 | Regional | 17.06.2025 | 15:00 Uhr". */
const META_LINE = /^[^|]{0,60}(\|[^|]{0,60}){2,}$/u;
const HAS_DATE = /\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})\b|\d{1,2}:\d{2}/u;
const SHORTCODE = /^\[[a-z_]+[^\]]*\].*\[\/[a-z_]+\]$/i;
const PITCH_MAX_CHARS = 250;

/**
 * What a blocked embed says instead of the video or post (German sites must ask before loading
 * third-party content, so every embed leaves such a box in the text), and cookie-wall sentences.
 */
const CONSENT_PLACEHOLDER = new RegExp(
  [
    'empfohlener (redaktioneller|externer) inhalt',
    'an dieser stelle (findest du|finden sie) .{0,60}externen? inhalt',
    'ich bin damit einverstanden, dass mir',
    'personenbezogene daten können an drittplattformen übermittelt werden',
    'ein klick für den datenschutz',
    'externer inhalt',
    '(um|zum) (diesen|den) (externen )?inhalt (zu )?(sehen|anzuzeigen|laden)',
    'inhalte? (von|aus) (youtube|twitter|x|instagram|facebook|tiktok|spotify|datawrapper|podigee|glomex)',
    '(wir verwenden|diese (website|webseite|seite) (verwendet|nutzt)|we use|this (site|website) uses) cookies',
    'to view this content,? (please )?(enable|accept|allow)',
    '(enable|turn on) javascript (to|in order to)',
    'this (content|embed|video) is (not available|blocked)',
  ]
    .map((p) => `(${p})`)
    .join('|'),
  'iu',
);
/** 400: Tagesspiegel's consent sentence with its privacy clause runs to 351 characters. */
const CONSENT_MAX_CHARS = 400;

/**
 * Agency stamps under the text ("Quelle: dpa", the "© dpa-infocom, dpa:240516-99-53606/3" every
 * German paper running dpa copy prints); copyright notices are judged below (COPYRIGHT),
 * and controls of collapsible boxes ("Box aufklappen Box zuklappen", "Show more").
 */
const STAMP =
  /^((quelle|quellen|source|sources|mit material von|bildquelle|fotos?|bild)\s*:\s*\S.{0,60}|©\s*dpa-infocom\b.{0,80})$/iu;
/**
 * The agency note German papers close a story with, in the forms STAMP leaves out: "(Quelle:
 * APA/sda/dpa)", "Mit Agenturmaterial.", BR's "Mit Informationen der ARD-Korrespondentinnen ...
 * sowie der Nachrichtenagenturen AFP, AP, dpa ...". German only: English golds keep a "(Source:
 * Guardian)" line now and then (L3S, Readability), no dev gold keeps these.
 */
const AGENCY_NOTE =
  /^(\(quellen?\s*:\s*[^)]{2,60}\)|mit (agenturmaterial|material (von|der) (nachrichten)?agenturen)\b.{0,40}|mit informationen (von|der|des) .{0,160}\b(nachrichtenagenturen|agenturen)\b.{0,200})$/iu;
/** A translator's credit: "Aus dem Englischen von Jan Doolan". */
const TRANSLATED_BY =
  /^aus dem (englischen|französischen|spanischen|italienischen|russischen|amerikanischen|ukrainischen|polnischen|arabischen|hebräischen|niederländischen)( übersetzt| übertragen)? von \S.{2,60}$/iu;

/**
 * Credits under a story: German broadcasters' "Redaktion: A und B", "Sendung: hr-INFO, 25.04.2024",
 * magazines' "Produktion: ...", and the wire's "Reporting by A; Editing by B".
 */
const CREDITS =
  /^(redaktion|sendung|produktion|mitarbeit|recherche|kamera|schnitt|grafik|moderation)\s*:\s*\S.{0,80}$/iu;
/** Case-sensitive: the credit names a person ("by Gopal Sharma;"), not a way ("by phone"). */
const WIRE_CREDITS =
  /^([Aa]dditional )?([Rr]eporting|[Ww]riting|[Ee]diting) by \p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+)*\s*([;,]|and\b|in\b|$).{0,160}$/u;
/**
 * A copyright notice on a line of its own ("Copyright 2008 The Associated Press. All rights
 * reserved. This material may not be published..."). Not article text, and the same line on every
 * page of a wire or site made short unrelated pages look like copies (#13). The conventions
 * disagree (AEB's gold keeps "© 2019 Associated Press. All Rights Reserved.", L3S-GN1's and
 * fundus' leave such lines out 67 to 7); what decides is that a notice is no part of the story.
 */
const COPYRIGHT =
  /^(copyright|©|\(c\)|Â©)(\s*(copyright|©))?\s*(\S.{0,120}\b(all rights reserved|may not be (published|reproduced|redistributed))\b.{0,200}|(19|20)\d\d\b.{0,80}|.{0,60}\b(19|20)\d\d\b.{0,20})$/iu;
/**
 * A picture caption ending in its credit ("... in Schmalkalden. Bildrechte: MDR/David Straub",
 * "... empfing nur 14 von 75 Kindern © VS Tristach", "(AFP / Name)"): the picture's, not the story's.
 */
const CAPTION_CREDIT =
  /^.{10,300}([\s.)](bildrechte|fotos?|bild|bildquelle|photo|image)\s*:\s*((screenshot|grafik|montage|archiv)\s*:\s*)?([^.:]{2,60}|[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.[a-z]{2,6})|\s©\s*[^.©]{2,50}|\((afp|ap|reuters|dpa|getty|epa|imago)\s*\/[^)]{2,60}\)\.?)$/iu;
/**
 * What every CAPTION_CREDIT match holds (a colon, a ©, or a closing bracket at the end): a cheap
 * test that spares most blocks the costly pattern (extraction speed, issue #15).
 */
const mayEndInCredit = (text: string): boolean =>
  text.includes(':') || text.includes('©') || /\)\.?$/u.test(text);
/** Date, time and reading time on one line ("15.04.2026 - 15:48 UhrLesedauer: 2 Min."). */
const STAMP_AND_READING_TIME =
  /^\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}[,\s-]*\d{1,2}:\d{2}\s*(uhr)?\s*((lesedauer|lesezeit)\s*:?\s*)?\d+\s*min\.?$/iu;
/**
 * Where else the story ran, or the text it was translated from: "Dieser Artikel ist zuerst bei
 * „Capital“ erschienen.", "Lest den Originalartikel auf Englisch hier.". A note about the article,
 * not part of it. Not the English "This article originally appeared on X": AEB's and Readability's
 * gold keep that line (dev: 2 pages), fundus leaves the German one out (2 pages).
 */
const FIRST_PUBLISHED =
  /^((dieser|der) (artikel|beitrag|text) (ist|erschien|wurde) (zuerst|ursprünglich|erstmals) .{0,80}(erschienen|veröffentlicht|publiziert)?|(lest|lesen sie) den original(artikel|beitrag)\b.{0,60})\.?$/iu;
/**
 * A note on the article's terms rather than its subject: machine-translation and guest-column
 * disclaimers. Not affiliate-link disclosures: the dev golds split on them (fundus 2 pages keep,
 * 2 leave out; newspaper4k keeps).
 */
const DISCLOSURE = new RegExp(
  [
    '^(hinweis:?\\s*)?dies ist eine maschinelle übersetzung\\b',
    '\\b(gastkommentare|gastbeiträge|meinungsbeiträge)\\b.{0,120}\\bmeinung der redaktion\\b',
  ].join('|'),
  'iu',
);
const DISCLOSURE_MAX_CHARS = 300;
/**
 * Pointers to other pages ending in the name of a list, with no sentence after them: "More
 * Articles:", "Also in Travel News", "Previous story: ...", "Nächster Artikel". A period ends a
 * sentence of reporting ("Also in Berlin, police arrested two men."), so none is allowed.
 */
const POINTER =
  /^((more|other) (articles|stories|news)( from| on| about| in)?[^.!?]{0,40}|also in [^.!?,]{1,40}|(previous|next|older|newer) (story|post|article|entry)\s*:?[^.!?]{0,100}|previous:[^.!?]{0,80}\|\s*next:[^.!?]{0,80}|(vorheriger|nächster|voriger) (artikel|beitrag)\s*:?[^.!?]{0,100}|trackback( url)?( for this entry)?)\s*:?$/iu;
/** Invitations to bookmark or share on social bookmarking sites (2000s templates). */
const BOOKMARK_PITCH =
  /\b(bookmark (it|this)( article| story| post)?( onto| on| with)?|social bookmarking|favorite bookmark site)\b/iu;
/** A broadcaster's note that the topic was on air ("Über dieses Thema berichtete DLF am ..."). */
const ON_AIR = /^(dieses thema im programm:\s*)?über dieses thema berichtete(n)? .{0,120}$/iu;
/** A pointer to another page of the site: "Mehr zur Lage lesen Sie in unserem Liveblog:". */
const REFERRAL =
  /^.{0,160}\b(lesen|finden|sehen|hören|erfahren) sie\b.{0,100}\b(in unsere[mnr]?|hier|bei uns)\b.{0,40}:$/iu;
const CONTROLS =
  /^((\S+-)?box )?(aufklappen|zuklappen|ausklappen|einklappen|mehr anzeigen|weniger anzeigen|show (more|less)|expand|collapse)(\s+((\S+-)?box )?(aufklappen|zuklappen|ausklappen|einklappen|mehr anzeigen|weniger anzeigen|show (more|less)|expand|collapse))*$/iu;

/** What a paywall prints where the article stops ("Jetzt weiterlesen mit SZ Plus", "Already a subscriber?"). */
const PAYWALL_PITCH =
  /\b(weiterlesen mit|exklusiv für (abonnenten|abonnentinnen|abonnent:innen)|jetzt (abonnieren|abo abschließen|freischalten|gratis testen)|sie (haben|sind) bereits (ein abo|abonnent)|bereits abonnent|already a subscriber|subscribe to (continue|keep) reading|this (article|content) is (only )?(available )?(for|to) subscribers|continue reading with)\b/iu;
const PAYWALL_MAX_CHARS = 250;

/** "Von Nina Magoley", "By Jane Doe and John Roe": a byline alone on its line. */
const BYLINE =
  /^([Vv]on|[Bb]y|BY|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Pp]rzez)\s+[\p{Lu}][\p{L}.'’-]+(\s*(,|und|and|&|et|y|e|en|i)?\s+[\p{Lu}][\p{L}.'’-]+){0,5}$/u;
/** "Stand: 22.04.2024, 06:00 Uhr", "Updated: 3 May 2024", "02:57 Min. Verfügbar bis 06.05.2024". */
const DATELINE =
  /^((stand|aktualisiert( am)?|veröffentlicht( am)?|erstellt( am)?|zuletzt aktualisiert|updated( on)?|published( on)?|posted( on)?|last updated|mis à jour( le)?|publié( le)?|actualizado)\s*:?\s*.{0,40}\d.{0,30}|\d{1,2}:\d{2} min\.? verfügbar bis .{0,20})$/iu;

const MONTH = '(jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\\.?';
const WEEKDAY =
  '((mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)[a-z]*\\.?,?\\s*)?';
/**
 * A date (and time) alone on its line, with at most a label ("Friday, January 18, 2008",
 * "Publiziert: 01.07.2023, 11:16", "12.12.2025, 05:07 Uhr", "vor 2 Std."): the page's stamp, not
 * a sentence of the story. On the dev sets such lines were extra 71 times, gold 6 times.
 */
const DATE_ONLY = new RegExp(
  '^((publiziert|veröffentlicht|aktualisiert|stand|updated|published|posted|erstellt)\\s*(am|on)?\\s*:?\\s*)?' +
    WEEKDAY +
    '(\\d{1,2}\\.?\\s*' +
    MONTH +
    '\\s*\\d{4}|' +
    MONTH +
    '\\s*\\d{1,2},?\\s*\\d{4}|\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}|\\d{4}-\\d\\d-\\d\\d)' +
    '\\s*[,|–-]?\\s*(\\d{1,2}[:.]\\d{2}\\s*(uhr|am|pm|a\\.m\\.|p\\.m\\.)?\\s*([a-z]{2,4})?)?$' +
    '|^(vor|seit)\\s+\\d+\\s+(std|stunden?|min|minuten|tagen?)\\.?$|^\\d+\\s+(hours?|minutes?|days?)\\s+ago$',
  'iu',
);

/**
 * A date stamp in the forms DATE_ONLY leaves out: slashed and ISO dates with seconds, a time
 * zone, a.m./p.m. with dots, brackets ("1/7/2008, 6:30 p.m. EST", "2008-01-12 11:31:01 -",
 * "Tue, 15 Jan 2008 14:50:06 GMT", "(14/01/2008)").
 */
const STAMP_ONLY = new RegExp(
  '^\\(?' +
    WEEKDAY +
    '(\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{4}-\\d\\d-\\d\\d|\\d{1,2}\\.?\\s*' +
    MONTH +
    '\\s*\\d{4}|' +
    MONTH +
    '\\s*\\d{1,2},?\\s*\\d{4})' +
    '[,\\s]*(\\d{1,2}:\\d{2}(:\\d{2})?\\s*(a\\.?m\\.?|p\\.?m\\.?|uhr)?\\s*(gmt|utc|cet|cest|mez|mesz|[ecmp][sd]?t|us/eastern)?)?\\s*[-.)]?\\)?$',
  'iu',
);

/** A player's clock ("00:00 / 03:15") or a gallery's counter ("1/12"), left as text by the widget. */
const MEDIA_COUNTER =
  /^(\d{1,2}:\d{2}(:\d{2})?\s*\/\s*\d{1,2}:\d{2}(:\d{2})?|\d{1,3}\s*\/\s*\d{1,3})$/u;

/**
 * The description of a video teaser between paragraphs, closed by the clip's date and length
 * ("... schärfere Sanktionen gegen Iran beschlossen. 18.04.2024 | 0:21 min", ZDF and other
 * broadcasters): it points at another clip, it is not the story (dev golds: 0 such lines).
 */
const MEDIA_TEASER = /\d{1,2}\.\d{1,2}\.\d{4}\s*\|\s*\d{1,2}:\d{2}(:\d{2})?\s*min\.?$/iu;
const MEDIA_TEASER_MAX_CHARS = 400;

export const furnitureReason = (text: string): string | undefined => {
  if (FURNITURE_LINE.test(text)) return 'furniture-line';
  if (SHORTCODE.test(text)) return 'shortcode';
  if (
    text.length <= PITCH_MAX_CHARS &&
    ((NEWSLETTER_WORD.test(text) && NEWSLETTER_PITCH.test(text)) || SOCIAL_PITCH.test(text))
  )
    return 'reader-pitch';
  if (text.length <= CONSENT_MAX_CHARS && CONSENT_PLACEHOLDER.test(text))
    return 'consent-placeholder';
  if (text.length <= 80 && BYLINE.test(text)) return 'byline';
  if (
    STAMP.test(text) ||
    /^mit (material von )?(dpa|afp|reuters|ap|kna|epd)\b.{0,30}$/iu.test(text)
  )
    return 'stamp';
  if (AGENCY_NOTE.test(text)) return 'stamp';
  if (CREDITS.test(text) || WIRE_CREDITS.test(text) || TRANSLATED_BY.test(text)) return 'credits';
  if (COPYRIGHT.test(text)) return 'copyright';
  if (mayEndInCredit(text) && CAPTION_CREDIT.test(text)) return 'caption';
  if (STAMP_AND_READING_TIME.test(text) || ON_AIR.test(text)) return 'dateline';
  if (FIRST_PUBLISHED.test(text)) return 'first-published';
  if (POINTER.test(text)) return 'pointer';
  if (text.length <= 200 && BOOKMARK_PITCH.test(text)) return 'reader-pitch';
  if (text.length <= DISCLOSURE_MAX_CHARS && DISCLOSURE.test(text)) return 'disclosure';
  if (text.endsWith(':') && REFERRAL.test(text)) return 'referral';
  if (text.length <= SITE_PITCH_MAX_CHARS && SITE_PITCH_WORD.test(text) && SITE_PITCH.test(text))
    return 'reader-pitch';
  if (READING_TIME.test(text)) return 'reading-time';
  // "Â" alone: a non-breaking space decoded with the wrong charset.
  if (/^[Â\s]+$/u.test(text)) return 'mojibake';
  if (text.length <= PAYWALL_MAX_CHARS && PAYWALL_PITCH.test(text)) return 'paywall-pitch';
  if (text.length <= 140 && META_LINE.test(text) && HAS_DATE.test(text)) return 'meta-line';
  if (CONTROLS.test(text)) return 'controls';
  if (text.length <= 90 && DATELINE.test(text)) return 'dateline';
  if (MEDIA_COUNTER.test(text)) return 'media-counter';
  if (text.length <= MEDIA_TEASER_MAX_CHARS && MEDIA_TEASER.test(text)) return 'media-teaser';
  if (text.length <= 60 && DATE_ONLY.test(text.replace(/^[•·|\s]+/u, ''))) return 'dateline';
  if (text.length <= 60 && STAMP_ONLY.test(text)) return 'dateline';
  return undefined;
};
