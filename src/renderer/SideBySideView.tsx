/**
 * Two or more articles next to each other, one full reader per column (its
 * own highlights, toolbar, keys, panel and list); each column scrolls on its
 * own.
 */
import type { CSSProperties } from 'react';
import type { ArticleSummary, Tag } from '../shared/model';
import { ArticleView } from './ArticleView';

export interface SideBySideViewProps {
  articleIds: readonly string[];
  /** Library rows, for the column names while the articles load. */
  summaries: readonly ArticleSummary[] | null;
  codebook: readonly Tag[];
}

export function SideBySideView({ articleIds, summaries, codebook }: SideBySideViewProps) {
  const style = { '--tri-columns': articleIds.length } as CSSProperties;
  return (
    <div className="side-by-side">
      <h1 className="visually-hidden">Side by side</h1>
      <div className="side-by-side__grid" style={style}>
        {articleIds.map((id) => (
          <ArticleView
            key={id}
            articleId={id}
            codebook={codebook}
            variant="column"
            initialTitle={summaries?.find((s) => s.id === id)?.title}
          />
        ))}
      </div>
    </div>
  );
}
