/**
 * The corpus-wide annotation table (issue 4): every annotation of every
 * article, one row each — article, tag, the quote in its context (prefix and
 * suffix dimmed, the quote bold), speaker, attributes, note, creator, last
 * change. The speaker is the people index's canonical name for whom a Quote's
 * speaker or a Source's name attribute credits (the attributes column keeps
 * what was typed). Column headers sort (again: the other way); the filters
 * narrow by text, tag, attribute value, speaker (any name of the entity:
 * "Mr Bondarev" finds Boris Bondarev), article and coder (anyone, me, one coder, or only
 * where the coders disagree). Only the rows in view are drawn
 * and only their pages fetched, so it stays smooth at 100,000 annotations.
 * A row's quote opens the annotation in the reader; its "Add to group…"
 * links it into a group (an existing one found by search, or a new one).
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { attributesLine, type AnnotationTableQuery, type TableColumn } from '../../shared/search/annotationTable';
import type { ArticleSummary, AttributeValue, Tag } from '../../shared/model/model';
import { excerpt } from '../components/excerpt';
import { attributeSummary } from '../components/attributeSummary';
import { TagChip } from '../components/TagChip';
import { tagLookup } from '../data/tagLookup';
import { useAnnotationTable } from './useAnnotationTable';
import { filterableAttributes, TagAttributeFilter, type TagAttributeChoice } from '../components/TagAttributeFilter';
import { useDebouncedValue } from '../components/useDebouncedValue';
import { useVirtualRows } from '../components/useVirtualRows';
import { CoderLayerSelect } from '../components/CoderLayerSelect';
import { coderBadges, type CoderLayer } from '../components/coderLayers';
import { textOn } from '../components/coderColour';
import { useCoder } from '../data/coderContext';
import { AddToGroupControl } from '../components/AddToGroupControl';
import { useCrossLinksContext } from '../data/crossLinksContext';
import { useSpeakerNames } from '../data/useSpeakerNames';
import { formatCount } from '../components/formatCount';

export interface AnnotationTableViewProps {
  codebook: readonly Tag[];
  /** The library's articles (for the article filter); null while loading. */
  articles: readonly ArticleSummary[] | null;
  onOpenAnnotation: (articleId: string, annotationId: string) => void;
}

const COLUMNS: { id: TableColumn; label: string }[] = [
  { id: 'article', label: 'Article' },
  { id: 'tag', label: 'Tag' },
  { id: 'quote', label: 'Quote in context' },
  { id: 'speaker', label: 'Speaker' },
  { id: 'attributes', label: 'Attributes' },
  { id: 'note', label: 'Note' },
  { id: 'creator', label: 'Coder' },
  { id: 'modified', label: 'Modified' },
];

type Sort = NonNullable<AnnotationTableQuery['sort']>;

export function AnnotationTableView({ codebook, articles, onOpenAnnotation }: AnnotationTableViewProps) {
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<TagAttributeChoice>({ tagId: '', attributeId: '', value: '' });
  const [articleId, setArticleId] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [speakerFocused, setSpeakerFocused] = useState(false);
  // The canonical names to pick from, fetched once the field is used.
  const speakerNames = useSpeakerNames(speakerFocused || speaker !== '');
  const speakerListId = useId();
  // Whose annotations (issue 16): everyone's, mine, one coder's, or only the disagreements — the reader's layers.
  const [coderLayer, setCoderLayer] = useState<CoderLayer>('all');
  const coder = useCoder();
  const me = coder?.name ?? null;
  const creator = coderLayer === 'mine' ? (me ?? '') : coderLayer.startsWith('coder:') ? coderLayer.slice('coder:'.length) : '';
  const disagreements = coderLayer === 'disagreements';
  const [sort, setSort] = useState<Sort | null>(null);
  const searchText = useDebouncedValue(text, 250);
  const searchValue = useDebouncedValue(choice.value, 250);
  const searchSpeaker = useDebouncedValue(speaker, 250);
  const { tagId, attributeId } = choice;

  const attribute = useMemo(() => filterableAttributes(codebook, tagId).find((a) => a.id === attributeId) ?? null, [codebook, tagId, attributeId]);

  const query = useMemo(
    () => ({
      text: searchText.trim() || undefined,
      tagIds: tagId ? [tagId] : undefined,
      articleIds: articleId ? [articleId] : undefined,
      creators: creator ? [creator] : undefined,
      disagreements: disagreements || undefined,
      attribute: attribute ? { id: attribute.id, value: searchValue } : undefined,
      speaker: searchSpeaker.trim() || undefined,
      sort: sort ?? undefined,
    }),
    [searchText, tagId, articleId, creator, disagreements, attribute, searchValue, searchSpeaker, sort],
  );
  const table = useAnnotationTable(query);
  const badges = useMemo(() => coderBadges(table.creators, coder), [table.creators, coder]);
  const links = useCrossLinksContext();
  const count = table.total ?? 0;
  const virtual = useVirtualRows<HTMLTableSectionElement>(count, (i) => table.rowAt(i)?.id ?? `row-${i}`, 56);
  const first = virtual.rows[0]?.index ?? 0;
  const last = virtual.rows[virtual.rows.length - 1]?.index ?? 0;
  const want = table.want;
  useEffect(() => {
    if (count > 0) want(first, last);
  }, [want, first, last, count]);

  const sortBy = (column: TableColumn) =>
    setSort((s) => (s?.column === column ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' }));

  const filtering = text.trim() !== '' || tagId !== '' || attributeId !== '' || articleId !== '' || speaker.trim() !== '' || coderLayer !== 'all';
  const clear = () => {
    setText('');
    setSpeaker('');
    setChoice({ tagId: '', attributeId: '', value: '' });
    setArticleId('');
    setCoderLayer('all');
  };

  return (
    <section className="annotation-table" aria-labelledby="annotation-table-title">
      <div className="annotation-table__head">
        <h1 id="annotation-table-title">
          Annotations <span className="count">{table.total === null ? '…' : formatCount(table.total)}</span>
        </h1>
        <form className="annotation-table__filters" role="search" aria-label="Filter the annotations" onSubmit={(e) => e.preventDefault()}>
          <label>
            Text
            <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="quote, note or value" />
          </label>
          <TagAttributeFilter codebook={codebook} choice={choice} onChange={setChoice} anyTagLabel="Any tag" />
          <label>
            Speaker
            <input
              type="search"
              list={speakerListId}
              value={speaker}
              onChange={(e) => setSpeaker(e.target.value)}
              onFocus={() => setSpeakerFocused(true)}
              placeholder="any of their names"
            />
            <datalist id={speakerListId}>
              {speakerNames.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          </label>
          <label>
            Article
            <select value={articleId} onChange={(e) => setArticleId(e.target.value)}>
              <option value="">Any article</option>
              {(articles ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {excerpt(a.title || a.id, 60)}
                </option>
              ))}
            </select>
          </label>
          <CoderLayerSelect value={coderLayer} onChange={setCoderLayer} coders={table.creators} me={me} label="Coder" allLabel="Anyone" />
          <button type="button" className="secondary-button" onClick={clear}>
            Clear filters
          </button>
        </form>
      </div>
      <div className="annotation-table__scroll">
        <table aria-rowcount={count + 1}>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((c) => (
                <th
                  key={c.id}
                  scope="col"
                  className={`annotation-table__col--${c.id}`}
                  aria-sort={sort?.column === c.id ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button type="button" className="annotation-table__sort" onClick={() => sortBy(c.id)}>
                    {c.label}
                    <span aria-hidden="true">{sort?.column === c.id ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={virtual.listRef}>
            {virtual.padding.top > 0 ? (
              <tr aria-hidden="true" className="virtual-spacer">
                <td colSpan={COLUMNS.length} style={{ height: virtual.padding.top, padding: 0 }} />
              </tr>
            ) : null}
            {virtual.rows.map(({ index }) => {
              const row = table.rowAt(index);
              return (
                <tr key={row?.id ?? `row-${index}`} ref={virtual.measureRef} data-index={index} aria-rowindex={index + 2}>
                  {row ? (
                    <>
                      <td>
                        <span className="annotation-table__article">{row.articleTitle || row.articleId}</span>
                      </td>
                      <td>
                        <TagChip tag={tagLookup(codebook, row.tagId)} />
                      </td>
                      <td className="annotation-table__quote">
                        <button
                          type="button"
                          className="annotation-table__open"
                          aria-label={`Open in the reader: ${excerpt(row.exact, 80)}`}
                          onClick={() => onOpenAnnotation(row.articleId, row.id)}
                        >
                          <span className="annotation-table__context">{row.prefix ? `…${row.prefix.slice(-40)}` : ''}</span>
                          <strong>{excerpt(row.exact, 160)}</strong>
                          <span className="annotation-table__context">{row.suffix ? `${row.suffix.slice(0, 40)}…` : ''}</span>
                        </button>
                        <AddToGroupControl
                          className="link-button annotation-table__add"
                          exact={row.exact}
                          groups={links.groups}
                          memberOf={new Set(links.groups.filter((g) => g.members.some((m) => m.articleId === row.articleId && m.annotationId === row.id)).map((g) => g.id))}
                          onAdd={(groupId) => links.addToGroup(groupId, { articleId: row.articleId, annotationId: row.id })}
                          onCreate={async (label) => (await links.createGroup(label, [{ articleId: row.articleId, annotationId: row.id }])) !== null}
                        />
                      </td>
                      <td className="annotation-table__speaker">
                        {row.speaker ? <span title={row.speaker.id ? `${row.speaker.name} (${row.speaker.id})` : undefined}>{row.speaker.name}</span> : null}
                      </td>
                      <td className="annotation-table__attributes">{attributesText(codebook, row.tagId, row.attributes)}</td>
                      <td className="annotation-table__note">{excerpt(row.note, 120)}</td>
                      <td>
                        <CoderName name={row.creator} badge={badges?.get(row.creator)} />
                      </td>
                      <td>
                        <time dateTime={row.modified}>{row.modified.slice(0, 16).replace('T', ' ')}</time>
                      </td>
                    </>
                  ) : (
                    <td colSpan={COLUMNS.length} className="annotation-table__loading">
                      Loading…
                    </td>
                  )}
                </tr>
              );
            })}
            {virtual.padding.bottom > 0 ? (
              <tr aria-hidden="true" className="virtual-spacer">
                <td colSpan={COLUMNS.length} style={{ height: virtual.padding.bottom, padding: 0 }} />
              </tr>
            ) : null}
          </tbody>
        </table>
        {table.total === 0 ? (
          <p className="annotation-table__empty">
            {filtering ? 'No annotation matches these filters.' : 'No annotations yet. Open an article from the library and tag a passage.'}
          </p>
        ) : null}
      </div>
    </section>
  );
}

/** The coder's name after their initials in their colour (when the table holds more than one coder's work). */
function CoderName({ name, badge }: { name: string; badge: { colour: string; initials: string } | undefined }) {
  return (
    <span className="coder-name">
      {badge ? (
        <span className="coder-initials" style={{ background: badge.colour, color: textOn(badge.colour) }} aria-hidden="true">
          {badge.initials}
        </span>
      ) : null}
      {name}
    </span>
  );
}

/** The row's attributes by the names its tag gives them ("Direct or indirect: direct"); ids only for a tag the codebook lacks. */
function attributesText(codebook: readonly Tag[], tagId: string, values: Readonly<Record<string, AttributeValue>>): string {
  const tag = codebook.find((t) => t.id === tagId);
  return tag ? attributeSummary(tag, values) : attributesLine(values);
}
