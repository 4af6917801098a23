import { extractHighlightTerms, type QueryAst } from '../../../search/index.js';
import type { StorySummary } from '../../../stories/story-listing.js';
import type { TextHit } from '../../../store/port.js';
import { plural } from '../../../core/display-format.js';
import { markSnippet } from '../../snippet-highlights.js';
import { articleHref, storyHref } from '../hrefs.js';
import type { SourceNames } from '../../../services/source-names.js';
import { When } from './format.js';
import { Snippet } from './marked-text.js';

export const SourceLabel = ({
  names,
  source,
  url,
}: {
  names: SourceNames;
  source?: string | null;
  url?: string | null;
}) => {
  const label = names.of(source, url);
  return (
    <span class="source" title={label.host}>
      {label.name}
    </span>
  );
};

export const StoryBadge = ({ story }: { story: StorySummary | undefined }) =>
  story ? (
    <p class="story-badge">
      <span class="meta">Story: </span>
      <a href={storyHref(story.id)} class="story-link">
        {story.title}
      </a>
      <span class="meta">{` · ${plural(story.article_count, 'article', 'articles')}`}</span>
    </p>
  ) : null;

export const HitList = (props: {
  hits: readonly TextHit[];
  query?: QueryAst;
  q?: string;
  stories?: ReadonlyMap<string, StorySummary>;
  names: SourceNames;
}) => {
  const terms = props.query ? extractHighlightTerms(props.query) : [];
  return (
    <ol class="hits">
      {props.hits.map((hit) => {
        const snippet = markSnippet(hit.snippet, terms);
        return (
          <li class="hit">
            <h3>
              <a href={articleHref(hit.id, props.q)} class="hit-link">
                {hit.title || '(untitled)'}
              </a>
            </h3>
            <p class="meta">
              <SourceLabel names={props.names} source={hit.source} />
              {hit.published ? ' · ' : ''}
              <When iso={hit.published} />
            </p>
            <Snippet text={snippet.text} ranges={snippet.highlights} />
            {hit.copies ? (
              <p class="copies-note">{`+${plural(hit.copies, 'syndicated copy', 'syndicated copies')} (listed on the article page)`}</p>
            ) : null}
            <StoryBadge story={props.stories?.get(hit.id)} />
          </li>
        );
      })}
    </ol>
  );
};
