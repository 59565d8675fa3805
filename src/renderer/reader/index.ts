/** What other screens may use of the reader: the article view itself (side by side puts one in each column). */
export { ArticleView, type ArticleViewHandle } from './ArticleView';
