/**
 * Wars, summits, exercises and operations that defence news names.
 * Line format: key | name | aliases (;) | countries (ISO2, ,) | start date | end date (ISO, optional)
 */
export const EVENTS_SOURCE = 'sitrep editors from official summit, exercise and operation pages';

export const EVENT_LINES: readonly string[] = [
  // wars and invasions
  'russia-ukraine-war|Russo-Ukrainian War|Russia-Ukraine war;war in Ukraine;Ukraine war;Russia\'s war in Ukraine;Russia\'s war against Ukraine|UA,RU|2014-02-20|',
  'full-scale-invasion|Russian invasion of Ukraine|full-scale invasion of Ukraine;Russia\'s full-scale invasion;Russia\'s invasion of Ukraine;invasion of Ukraine|UA,RU|2022-02-24|',
  'annexation-of-crimea|Annexation of Crimea|Russian annexation of Crimea;annexation of Crimea|UA,RU|2014-02-20|2014-03-26',
  'kursk-incursion|Kursk incursion|Kursk offensive;Ukrainian incursion into Kursk|UA,RU|2024-08-06|2025-04-26',
  'gaza-war|Gaza war|Israel-Hamas war;war in Gaza|IL,PS|2023-10-07|',
  'october-7-attack|October 7 attack|7 October attack;October 7 attacks;Hamas attack on Israel|IL,PS|2023-10-07|2023-10-07',
  'iran-israel-war|Twelve-Day War|Iran-Israel war;Israel-Iran war;12-day war|IL,IR,US|2025-06-13|2025-06-24',
  'nagorno-karabakh-2020|Second Nagorno-Karabakh War|2020 Nagorno-Karabakh war;44-day war|AZ,AM|2020-09-27|2020-11-10',
  'world-war-ii|World War II|Second World War;WWII;World War Two;WW2||1939-09-01|1945-09-02',
  'world-war-i|World War I|First World War;WWI;World War One;Great War||1914-07-28|1918-11-11',
  'cold-war|Cold War|||1947-03-12|1991-12-26',
  'afghanistan-withdrawal|Withdrawal from Afghanistan|fall of Kabul;Afghanistan withdrawal|AF,US|2021-08-15|2021-08-30',
  'red-sea-crisis|Red Sea crisis|Houthi attacks on shipping|YE|2023-10-19|',
  // summits and conferences
  'nato-madrid-summit-2022|2022 NATO Madrid Summit|Madrid summit;NATO summit in Madrid;Madrid Summit|ES|2022-06-28|2022-06-30',
  'nato-vilnius-summit-2023|2023 NATO Vilnius Summit|Vilnius summit;Vilnius Summit|LT|2023-07-11|2023-07-12',
  'nato-washington-summit-2024|2024 NATO Washington Summit|Washington summit;NATO 75th anniversary summit|US|2024-07-09|2024-07-11',
  'nato-hague-summit-2025|2025 NATO Summit in The Hague|Hague summit;The Hague summit;NATO summit in The Hague|NL|2025-06-24|2025-06-25',
  'munich-security-conference|Munich Security Conference|~MSC;Munich conference|DE||',
  'shangri-la-dialogue|Shangri-La Dialogue|Shangri La Dialogue|SG||',
  'ramstein-meeting|Ramstein meeting|Ramstein-format meeting|DE||',
  'g7-summit|G7 summit|G7 Summit;G7 leaders\' summit|||',
  'ukraine-recovery-conference|Ukraine Recovery Conference|~URC|||',
  'paris-air-show|Paris Air Show|Salon du Bourget;Le Bourget air show|FR||',
  'farnborough|Farnborough International Airshow|Farnborough Airshow;Farnborough air show|GB||',
  'dsei|DSEI|Defence and Security Equipment International|GB||',
  'eurosatory|Eurosatory||FR||',
  'idex|IDEX|International Defence Exhibition|AE||',
  // exercises
  'steadfast-defender-2024|Steadfast Defender 2024|Steadfast Defender||2024-01-22|2024-05-31',
  'defender-europe|Defender Europe|DEFENDER-Europe;Defender-Europe|US||',
  'baltops|BALTOPS|Baltic Operations;BALTOPS exercise|||',
  'trident-juncture|Trident Juncture||||',
  'cold-response|Cold Response|Nordic Response|NO||',
  'zapad|Zapad|Zapad-2021;Zapad 2021;Zapad-2025|RU,BY||',
  'vostok|Vostok|Vostok 2022;Vostok-2022|RU||',
  'rimpac|RIMPAC|Rim of the Pacific Exercise|US||',
  'talisman-sabre|Talisman Sabre|Talisman Saber|AU,US||',
  'freedom-shield|Freedom Shield|Ulchi Freedom Shield|KR,US||',
  'joint-sword|Joint Sword|Joint Sword-2024A|CN||',
  // operations
  'operation-spiderweb|Operation Spiderweb|Operation Spider\'s Web;~Spiderweb|UA|2025-06-01|2025-06-01',
  'operation-prosperity-guardian|Operation Prosperity Guardian||US|2023-12-18|',
  'operation-midnight-hammer|Operation Midnight Hammer||US|2025-06-22|2025-06-22',
  'operation-rising-lion|Operation Rising Lion||IL|2025-06-13|2025-06-24',
  'operation-true-promise|Operation True Promise|True Promise|IR|2024-04-13|',
  'operation-eastern-sentry|Eastern Sentry|Operation Eastern Sentry||2025-09-12|',
  'operation-baltic-sentry|Baltic Sentry|Operation Baltic Sentry||2025-01-14|',
  'operation-interflex|Operation Interflex|Interflex|GB|2022-06-01|',
  'rearm-europe|ReArm Europe|ReArm Europe Plan;Readiness 2030;Rearm Europe||2025-03-04|',
  'safe-instrument|Security Action for Europe|SAFE instrument;SAFE loans||2025-05-27|',
];
