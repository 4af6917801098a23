import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectLanguage, isDetectable } from './detect-language.js';

describe('detectLanguage', () => {
  test('maps to ISO 639-1', () => {
    assert.equal(
      detectLanguage(
        'The United States will strengthen its military presence in Europe in response to the invasion of Ukraine by Russia, the president said on Wednesday.',
      ),
      'en',
    );
    assert.equal(
      detectLanguage(
        'Die Bundesregierung hat am Mittwoch beschlossen, die Ausgaben für die Verteidigung in den kommenden Jahren deutlich zu erhöhen.',
      ),
      'de',
    );
    assert.equal(
      detectLanguage(
        'Президент заявил в среду, что страна увеличит расходы на оборону в ближайшие годы и усилит армию.',
      ),
      'ru',
    );
  });

  test('says nothing about text too short to tell', () => {
    assert.equal(detectLanguage('Hello there'), undefined);
  });

  test('knows which languages it cannot recognise', () => {
    assert.equal(isDetectable('da'), false);
    assert.equal(isDetectable('en'), true);
  });
});
