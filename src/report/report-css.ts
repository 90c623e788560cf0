/** Inline so the report is one file that opens anywhere without network access. */
export const REPORT_CSS = `
:root{--ink:#1d1d1f;--muted:#6b6b70;--line:#e2e2e6;--bg:#fafaf8;--accent:#0b5cad}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 Georgia,'Times New Roman',serif}
header.story{padding:1.5rem 2rem 1rem;border-bottom:1px solid var(--line);background:#fff}
.brand{margin:0;font:600 .75rem/1 system-ui,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:var(--accent)}
h1{margin:.4rem 0;font-size:1.7rem;line-height:1.25}
.summary,.legend{margin:.2rem 0;font:.9rem/1.4 system-ui,sans-serif;color:var(--muted)}
.outlets{display:grid;grid-template-columns:repeat(var(--columns),minmax(0,1fr));gap:1.25rem;padding:1.25rem 2rem}
@media (max-width:900px){.outlets{grid-template-columns:1fr}}
article.outlet{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem 1.25rem;min-width:0}
article.outlet h2{margin:0;font:700 1.15rem/1.3 system-ui,sans-serif}
.title{margin:.3rem 0 .6rem;font-weight:600}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:0 0 .8rem;font:.8rem/1.4 system-ui,sans-serif;color:var(--muted)}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
.body p,.body h3{margin:.7rem 0}
.body h3{font:700 1rem/1.3 system-ui,sans-serif}
.block-credit,.block-caption,.block-boilerplate{color:var(--muted);font-size:.85rem;font-style:italic}
.kind{display:inline-block;font:600 .65rem/1.4 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;border:1px solid var(--line);border-radius:3px;padding:0 .3rem;color:var(--muted);font-style:normal}
a{color:var(--accent)}
mark{background:none;border-radius:2px}
mark.hl-quote{background:#fff1c2}
mark.hl-entity{box-shadow:inset 0 -2px 0 #8fb8e8}
mark.hl-cue{box-shadow:inset 0 -2px 0 #e59a3c}
mark.hl-source{background:#e4f0ff}
mark.hl-date{box-shadow:inset 0 -2px 0 #4caf7a}
mark.hl-ref:target{background:#ffd86b;outline:2px solid var(--accent)}
.verdict{font-weight:600}.verdict-conflict,.verdict-different,.verdict-ambiguous{color:#a3321b}.verdict-consistent,.verdict-same{color:#1f7a46}
blockquote{margin:.2rem 0;padding-left:.6rem;border-left:3px solid var(--line)}
ul.brief{margin:.2rem 0 .2rem 1.1rem;padding:0;font-size:1rem}ul.brief li{margin:.3rem 0}
ul.told{margin:0;padding-left:1rem}
section.section{margin:1.25rem 2rem;background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem 1.25rem}
section.section h2{margin:0 0 .6rem;font:700 1.1rem/1.3 system-ui,sans-serif}
table{border-collapse:collapse;width:100%;font:.85rem/1.4 system-ui,sans-serif}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
th{color:var(--muted);font-weight:600}
td.aliases,.muted{color:var(--muted)}
:target{outline:2px solid var(--accent);outline-offset:3px}
`;
