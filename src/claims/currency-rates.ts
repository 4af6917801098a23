/**
 * Yearly average exchange rates, US dollars per one unit of each currency, written by the sitrep
 * editors from public central-bank and IMF yearly averages (rounded to 3-4 significant digits, so
 * about ±1%). A claim keeps the rate it was converted with, so a reader can redo the sum. A year
 * the table lacks uses the nearest year it has, and the claim says so.
 */
export const RATES_SOURCE =
  'sitrep yearly average rates (USD per unit), from public central-bank/IMF yearly averages';

type YearRates = Readonly<Record<number, number>>;

// Currencies quoted as units per US dollar in everyday use are stored inverted below.
const perDollar = (rates: YearRates): YearRates =>
  Object.fromEntries(Object.entries(rates).map(([year, units]) => [year, 1 / units]));

const USD_PER_UNIT: Readonly<Record<string, YearRates>> = {
  USD: { 2000: 1 },
  EUR: {
    2000: 0.924, 2001: 0.895, 2002: 0.945, 2003: 1.131, 2004: 1.244, 2005: 1.245, 2006: 1.256,
    2007: 1.371, 2008: 1.471, 2009: 1.395, 2010: 1.327, 2011: 1.392, 2012: 1.286, 2013: 1.328,
    2014: 1.329, 2015: 1.11, 2016: 1.107, 2017: 1.13, 2018: 1.181, 2019: 1.12, 2020: 1.142,
    2021: 1.183, 2022: 1.053, 2023: 1.081, 2024: 1.082, 2025: 1.13,
  },
  GBP: {
    2000: 1.516, 2001: 1.44, 2002: 1.501, 2003: 1.634, 2004: 1.832, 2005: 1.82, 2006: 1.843,
    2007: 2.002, 2008: 1.853, 2009: 1.566, 2010: 1.546, 2011: 1.604, 2012: 1.585, 2013: 1.564,
    2014: 1.648, 2015: 1.528, 2016: 1.355, 2017: 1.289, 2018: 1.335, 2019: 1.277, 2020: 1.284,
    2021: 1.376, 2022: 1.237, 2023: 1.244, 2024: 1.278, 2025: 1.32,
  },
  JPY: perDollar({
    2000: 107.8, 2001: 121.5, 2002: 125.4, 2003: 115.9, 2004: 108.2, 2005: 110.2, 2006: 116.3,
    2007: 117.8, 2008: 103.4, 2009: 93.6, 2010: 87.8, 2011: 79.8, 2012: 79.8, 2013: 97.6,
    2014: 105.9, 2015: 121.0, 2016: 108.8, 2017: 112.2, 2018: 110.4, 2019: 109.0, 2020: 106.8,
    2021: 109.8, 2022: 131.5, 2023: 140.5, 2024: 151.4, 2025: 149.0,
  }),
  RUB: perDollar({
    2010: 30.4, 2011: 29.4, 2012: 31.1, 2013: 31.8, 2014: 38.4, 2015: 61.0, 2016: 67.1,
    2017: 58.3, 2018: 62.7, 2019: 64.7, 2020: 72.1, 2021: 73.7, 2022: 68.5, 2023: 85.2,
    2024: 92.6, 2025: 84.0,
  }),
  UAH: perDollar({
    2010: 7.94, 2011: 7.97, 2012: 7.99, 2013: 7.99, 2014: 11.9, 2015: 21.8, 2016: 25.6,
    2017: 26.6, 2018: 27.2, 2019: 25.8, 2020: 27.0, 2021: 27.3, 2022: 32.3, 2023: 36.6,
    2024: 40.2, 2025: 41.5,
  }),
  CNY: perDollar({
    2010: 6.77, 2011: 6.46, 2012: 6.31, 2013: 6.2, 2014: 6.16, 2015: 6.28, 2016: 6.64,
    2017: 6.76, 2018: 6.62, 2019: 6.91, 2020: 6.9, 2021: 6.45, 2022: 6.73, 2023: 7.08,
    2024: 7.19, 2025: 7.2,
  }),
  PLN: perDollar({
    2010: 3.02, 2011: 2.96, 2012: 3.26, 2013: 3.16, 2014: 3.15, 2015: 3.77, 2016: 3.94,
    2017: 3.78, 2018: 3.61, 2019: 3.84, 2020: 3.9, 2021: 3.86, 2022: 4.46, 2023: 4.2,
    2024: 3.98, 2025: 3.75,
  }),
  CAD: perDollar({
    2010: 1.03, 2011: 0.989, 2012: 0.999, 2013: 1.03, 2014: 1.104, 2015: 1.279, 2016: 1.325,
    2017: 1.298, 2018: 1.296, 2019: 1.327, 2020: 1.341, 2021: 1.254, 2022: 1.301, 2023: 1.35,
    2024: 1.37, 2025: 1.4,
  }),
  AUD: {
    2010: 0.919, 2011: 1.032, 2012: 1.036, 2013: 0.968, 2014: 0.903, 2015: 0.752, 2016: 0.744,
    2017: 0.767, 2018: 0.748, 2019: 0.695, 2020: 0.69, 2021: 0.751, 2022: 0.694, 2023: 0.664,
    2024: 0.66, 2025: 0.645,
  },
  CHF: perDollar({
    2015: 0.962, 2016: 0.985, 2017: 0.985, 2018: 0.978, 2019: 0.994, 2020: 0.939, 2021: 0.914,
    2022: 0.955, 2023: 0.899, 2024: 0.88, 2025: 0.83,
  }),
  INR: perDollar({
    2015: 64.2, 2016: 67.2, 2017: 65.1, 2018: 68.4, 2019: 70.4, 2020: 74.1, 2021: 73.9,
    2022: 78.6, 2023: 82.6, 2024: 83.7, 2025: 86.5,
  }),
  KRW: perDollar({
    2015: 1131, 2016: 1160, 2017: 1130, 2018: 1100, 2019: 1166, 2020: 1180, 2021: 1144,
    2022: 1292, 2023: 1306, 2024: 1364, 2025: 1420,
  }),
  SEK: perDollar({
    2015: 8.43, 2016: 8.56, 2017: 8.54, 2018: 8.69, 2019: 9.46, 2020: 9.21, 2021: 8.58,
    2022: 10.11, 2023: 10.61, 2024: 10.57, 2025: 9.9,
  }),
  NOK: perDollar({
    2015: 8.06, 2016: 8.4, 2017: 8.27, 2018: 8.13, 2019: 8.8, 2020: 9.42, 2021: 8.6,
    2022: 9.61, 2023: 10.56, 2024: 10.75, 2025: 10.5,
  }),
  ILS: perDollar({
    2015: 3.89, 2016: 3.84, 2017: 3.6, 2018: 3.59, 2019: 3.56, 2020: 3.44, 2021: 3.23,
    2022: 3.36, 2023: 3.69, 2024: 3.7, 2025: 3.5,
  }),
  TRY: perDollar({
    2015: 2.72, 2016: 3.02, 2017: 3.65, 2018: 4.83, 2019: 5.67, 2020: 7.01, 2021: 8.85,
    2022: 16.55, 2023: 23.8, 2024: 32.8, 2025: 39.0,
  }),
};

export interface ConversionRate {
  readonly currency: string;
  /** US dollars per one unit of `currency`. */
  readonly usdPerUnit: number;
  /** The year whose average was used (the claim's year, or the nearest the table has). */
  readonly year: number;
  readonly nearestYear: boolean;
  readonly source: string;
}

/** The rate for `currency` in `year` (nearest tabled year when absent), or undefined for unknown currencies. */
export const rateFor = (currency: string, year: number): ConversionRate | undefined => {
  const table = USD_PER_UNIT[currency.toUpperCase()];
  if (!table) return undefined;
  if (currency.toUpperCase() === 'USD')
    return { currency: 'USD', usdPerUnit: 1, year, nearestYear: false, source: RATES_SOURCE };
  const years = Object.keys(table).map(Number);
  const nearest = years.reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) ? y : best));
  return {
    currency: currency.toUpperCase(),
    usdPerUnit: table[nearest]!,
    year: nearest,
    nearestYear: nearest !== year,
    source: RATES_SOURCE,
  };
};

export const knownCurrencies = (): string[] => Object.keys(USD_PER_UNIT);
