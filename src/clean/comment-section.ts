/**
 * Where readers' comments begin inside the article container. Templates that do not name their
 * comment box (CTV's "Comments are now closed for this story" and the comments under it in the
 * story's own div, the Telegraph's "Comments" heading over p.story comments, WordPress's
 * "3 Antworten zu „Titel“") leave only the heading to say so. Comments are no part of the article,
 * and everything after such a heading is comments, so the article ends there.
 * Languages as in furniture-lines.ts: en, de, fr, es, it, nl, pl, pt.
 */
const COMMENT_HEADING = new RegExp(
  '^(' +
    [
      // "Comments", "12 Comments", "Comments (3)", "Reader comments:", "Kommentare (12)"
      "(\\d+\\s+)?(reader(s'|’s)? |leser|user |your )?(comments|kommentare|commentaires|comentarios|commenti|reacties|komentarze|comentários)(\\s*\\(\\d+\\))?",
      // Closed or disabled comments
      'comments (are|have been) (now )?(closed|disabled)( for this (story|article|post))?',
      '(die )?kommentarfunktion (ist|wurde) .{0,60}',
      'kommentare (sind|wurden) (geschlossen|deaktiviert).{0,40}',
      // Calls to comment, heading the form that opens the section (not "Have your say": the BBC
      // puts a box of readers' quotes so named in the middle of a story)
      'leave a (comment|reply)|post a comment|add (a|your) comment',
      'schreibe(n sie)? einen kommentar|kommentar (schreiben|verfassen|abgeben)|diskutieren sie mit',
      // German blog themes' other forms, and the link down to the comments
      'hinterlasse(n sie)? (einen kommentar|eine antwort)|(einen )?kommentar hinterlassen|(eine )?antwort hinterlassen',
      'keine kommentare|zu den kommentaren|(alle )?kommentare (anzeigen|lesen|einblenden|laden)',
      'laisser un commentaire|deja (un|tu) comentario|lascia un commento|geef een reactie|dodaj komentarz|deixe (um|seu) comentário',
      // WordPress's count line: "3 Antworten zu „Titel“", "2 thoughts on “Title”", "One response to ..."
      '(\\d+|one|two|three|ein|eine|zwei|drei) (antworten?|gedanken|kommentare?|thoughts?|responses?|replies|reply|comments?) (zu|auf|on|to) .{1,160}',
    ].join('|') +
    ')\\s*:?$',
  'iu',
);

/**
 * Article text (non-space chars) kept before the heading for it to end the article: a comment
 * count in the header above the story ("Comments (3)" beside the byline) must not cut it.
 */
export const MIN_ARTICLE_BEFORE_COMMENTS = 300;

export const isCommentSectionHeading = (text: string): boolean =>
  text.length <= 200 && COMMENT_HEADING.test(text.trim());
