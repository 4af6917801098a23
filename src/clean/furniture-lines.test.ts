import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { furnitureReason } from './furniture-lines.js';

describe('furnitureReason', () => {
  test('names German and other-language furniture blocks', () => {
    const cases: [string, string][] = [
      ['Weiterlesen', 'furniture-line'],
      ['Anzeige', 'furniture-line'],
      ['Mehr zum Thema', 'furniture-line'],
      ['À lire aussi : la réforme des retraites', 'furniture-line'],
      ['Leggi anche', 'furniture-line'],
      [
        'Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Personenbezogene Daten können an Drittplattformen übermittelt werden.',
        'consent-placeholder',
      ],
      ['Empfohlener redaktioneller Inhalt', 'consent-placeholder'],
      ['Ein Klick für den Datenschutz', 'consent-placeholder'],
      [
        'Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten.',
        'consent-placeholder',
      ],
      ['Von Nina Magoley', 'byline'],
      ['By Jane Doe and John Roe', 'byline'],
      ['Stand: 22.04.2024, 06:00 Uhr', 'dateline'],
      ['Quelle: dpa', 'stamp'],
      ['© dpa-infocom, dpa:240516-99-53606/3 (dpa)', 'stamp'],
      ['mit dpa', 'stamp'],
      ['Personen-Box aufklappen Personen-Box zuklappen', 'controls'],
      ['3 Min Lesezeit', 'reading-time'],
      ['(Quelle: APA/sda/dpa)', 'stamp'],
      ['Mit Agenturmaterial.', 'stamp'],
      ['Aus dem Englischen von Jan Doolan', 'credits'],
      ['Passend zum Artikel', 'furniture-line'],
      [
        'Nach dem Angriff auf Israel wurden auf dem EU-Gipfel schärfere Sanktionen gegen Iran beschlossen. 18.04.2024 | 0:21 min',
        'media-teaser',
      ],
      ['Jetzt weiterlesen mit SZ Plus', 'paywall-pitch'],
      ['Report this comment', 'furniture-line'],
      ['Sie haben bereits ein Abo? Hier anmelden.', 'paywall-pitch'],
      ['Do 25.04.24 | 14:07 Uhr | Von Eva Kirchner', 'meta-line'],
      [
        'Sie mögen den Tag kompakt zusammengefasst? Dann sind Sie beim täglichen Newsletter richtig.',
        'reader-pitch',
      ],
      ['Die Zeitung auch bei Social Media – ob WhatsApp, Instagram oder Facebook.', 'reader-pitch'],
      ['Dieser Artikel ist zuerst bei „Capital“ erschienen.', 'first-published'],
      ['Lest den Originalartikel auf Englisch hier.', 'first-published'],
      ['Weitere Themen', 'furniture-line'],
      ['1/7/2008, 6:30 p.m. EST', 'dateline'],
      ['Tue, 15 Jan 2008 14:50:06 GMT', 'dateline'],
      ['Previous story: Beanie buddy gets rapper in trouble', 'pointer'],
      ['More Articles:', 'pointer'],
      ['Also in Travel News', 'pointer'],
      ['Nächster Artikel: Streik bei der Bahn', 'pointer'],
      ['Did you enjoy this article? Please bookmark it onto:', 'reader-pitch'],
      [
        'Dies ist eine maschinelle Übersetzung eines Artikels unserer US-Kollegen. Er wurde automatisiert übersetzt.',
        'disclosure',
      ],
      [
        'Diese Pyramide zeigt den angedachten Ablauf der Phasen. Bild: Screenshot: fdp.de',
        'caption',
      ],
    ];
    for (const [text, reason] of cases) assert.equal(furnitureReason(text), reason, text);
  });

  test('leaves reporting alone, even when it uses the same words', () => {
    const reporting = [
      'Die Anzeige gegen den Bürgermeister wurde am Montag von der Staatsanwaltschaft geprüft, sagte ein Sprecher.',
      'Von Beginn an war klar, dass die Verhandlungen in Brüssel schwierig werden würden, hieß es aus Regierungskreisen.',
      'Twitter and Facebook both said on Tuesday they had removed thousands of accounts linked to the campaign.',
      'The copyright dispute between the two publishers went to court in March.',
      '17',
      'Troops arrived on May 5, 2008.',
      'Der Text wurde zuerst im Ausschuss beraten, dann lange vertagt, weil die Fraktionen über die Finanzierung des Vorhabens stritten.',
      'Weitere Themen der Konferenz waren die Lage in der Ukraine und die Energiepreise in Europa.',
      'Also in Berlin, police arrested two men.',
      'On 1/7/2008 the flood came.',
      'More news is expected on Friday.',
      'Aus dem Englischen übersetzte Dokumente belegen, dass die Firma von dem Plan wusste.',
      'Mit Informationen wie diesen will die Polizei weitere Zeugen finden.',
      'Am 18.04.2024 | 0:21 min war die Sitzung schon vorbei, sagte der Sprecher und ging.',
    ];
    for (const text of reporting) assert.equal(furnitureReason(text), undefined, text);
  });
});

describe('furnitureReason, credits and referrals', () => {
  test('credit lines and pointers elsewhere are furniture; reporting that names them is not', () => {
    for (const line of [
      'Redaktion: Roman Warschauer und Marcel Sommer',
      'Sendung: hr-INFO, 25.04.2024, 10.45 Uhr',
      'Reporting by Gopal Sharma; Editing by Alex Rich',
      'Mehr zur Lage im Nahen Osten lesen Sie in unserem Liveblog:',
    ])
      assert.notEqual(furnitureReason(line), undefined, line);
    for (const line of [
      'Die Redaktion: eine Zeitung im Umbruch, sagt der Chefredakteur.',
      'Reporting by phone from Kyiv was impossible for days, the agency said.',
      'Was Sie in unserem Land finden, sagte der Minister, sei einzigartig.',
    ])
      assert.equal(furnitureReason(line), undefined, line);
  });
});

describe('furnitureReason, copyright notices', () => {
  test('a copyright notice line is furniture; a sentence about copyright is not', () => {
    for (const line of [
      'Copyright 2008 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
      '© The Vancouver Sun 2008',
      '©CanWest News Service 2007',
      '© 2019 Associated Press. All Rights Reserved.',
    ])
      assert.equal(furnitureReason(line), 'copyright', line);
    assert.equal(
      furnitureReason(
        'Copyright holders in the music industry sued the site, which closed in 2012 after a long legal fight.',
      ),
      undefined,
    );
  });
});

describe('furnitureReason, captions and stamps', () => {
  test('captions ending in a picture credit, date-and-reading-time stamps, on-air notes', () => {
    for (const [line, reason] of [
      [
        'Viele Hände arbeiten in einer Schlachthalle daran. Bildrechte: MDR/David Straub',
        'caption',
      ],
      ['Das Wohn- und Pflegeheim in Nußdorf-Debant © Gemeinde Nußdorf-Debant', 'caption'],
      ['15.04.2026 - 15:48 UhrLesedauer: 2 Min.', 'dateline'],
      [
        'Dieses Thema im Programm: Über dieses Thema berichtete DLF am 24. März 2023 um 05:20 Uhr.',
        'dateline',
      ],
      ['Folgst du schon 20 Minuten auf Whatsapp?', 'reader-pitch'],
    ] as const)
      assert.equal(furnitureReason(line), reason, line);
    assert.equal(
      furnitureReason(
        'Das Bild: Die Regierung hat den Plan am Montag vorgestellt, sagte der Sprecher.',
      ),
      undefined,
    );
  });
});
