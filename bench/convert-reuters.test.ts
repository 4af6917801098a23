import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  convertSgml,
  decodeSgmlText,
  parseReutersDate,
  type ConversionCounts,
  type ReutersRecord,
} from './convert-reuters.js';

// Synthetic SGML in the corpus's shape (not copied from it): one document with a body and
// framing control refs, one BRIEF without a body.
const SGML = `<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="NO" NEWID="7">
<DATE> 3-MAR-1987  09:15:05.4&#5;&#5;RM</DATE>
<TEXT>&#2;
<TITLE>ACME &lt;ACM> WINS ORDER</TITLE>
<BODY>Acme said it won a &amp; contract &lt;worth 5 mln dlrs&gt;.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="8">
<DATE>4-MAR-1987 10:00:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>SHORT HEADLINE ONLY</TITLE>
&#3;</TEXT>
</REUTERS>`;

describe('convert-reuters', () => {
  test('decodes named entities and drops control-character references', () => {
    assert.equal(decodeSgmlText('a &lt;b&gt; &amp; c&#3;&#5;\u0005'), 'a <b> & c');
    assert.equal(decodeSgmlText('caf&#233;'), 'café');
  });

  test('parses loose corpus dates to ISO, and rejects impossible ones', () => {
    assert.equal(parseReutersDate(' 3-MAR-1987  09:15:05.4&#5;RM'), '1987-03-03T09:15:05.400Z');
    assert.equal(parseReutersDate('26-FEB-1987 15:01:01.79'), '1987-02-26T15:01:01.790Z');
    assert.equal(parseReutersDate('31-MAR-1987 605:12:19.12'), undefined);
  });

  test('emits documents with a BODY and counts those without', () => {
    const counts: ConversionCounts = {
      files: 0,
      documents: 0,
      written: 0,
      skippedNoBody: 0,
      undatable: 0,
    };
    const out: ReutersRecord[] = [];
    convertSgml(SGML, counts, (r) => out.push(r));
    assert.deepEqual(out, [
      {
        id: '7',
        title: 'ACME <ACM> WINS ORDER',
        text: 'Acme said it won a & contract <worth 5 mln dlrs>.\n Reuter',
        published: '1987-03-03T09:15:05.400Z',
        source: 'Reuters',
      },
    ]);
    assert.equal(counts.documents, 2);
    assert.equal(counts.skippedNoBody, 1);
  });
});
