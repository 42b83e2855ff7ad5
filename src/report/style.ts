/** The report's inline stylesheet: readable on screen and in print, CJK fonts first where present. */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: #1f2328; background: #fff; max-width: 980px; margin: 2rem auto; padding: 0 1.25rem; line-height: 1.5; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2rem; }
.subtitle { color: #57606a; margin-top: 0; }
nav ol { padding-left: 1.2rem; }
figure.chart { margin: 1.2rem 0; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { color: #57606a; font-size: 0.9rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.6rem; text-align: left; }
th { background: #f6f8fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
details { margin-top: 2.5rem; }
summary { cursor: pointer; font-weight: 600; }
pre { background: #f6f8fa; padding: 0.8rem; overflow: auto; font-size: 0.8rem; }
@media print { details pre { white-space: pre-wrap; } }
`;
