/** One side of an aligned quotation with the word diff marked: words the other side lacks are struck or underlined. */
import type { DiffToken } from '../diff';

export function DiffText({ tokens, side }: { tokens: DiffToken[]; side: 'a' | 'b' }) {
  return (
    <span className="diff-text">
      {tokens.map((t, i) => {
        const body = t.text + t.after;
        if (t.op === 'dropped')
          return (
            <del key={i} className="diff-dropped" title="not in the other outlet's quotation">
              {t.text}
              {t.after}
            </del>
          );
        if (t.op === 'added')
          return (
            <ins key={i} className="diff-added" title="not in the other outlet's quotation">
              {t.text}
              {t.after}
            </ins>
          );
        return <span key={i} data-side={side}>{body}</span>;
      })}
    </span>
  );
}
