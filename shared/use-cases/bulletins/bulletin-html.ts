/**
 * The bulletin as a printable page: plain HTML with one stylesheet file (web/public/bulletin.css: A4, print rules)
 * and no inline script or style, as the CSP requires. Every figure is in a table with headers, for screen readers.
 */
import type { BulletinRecord } from '../../domain/bulletins/bulletin';
import type { DepartmentRates, RateReport } from './rate-report-shape';
import { periodTitle, rankedRows, rankingColumnsOf, rateColumns, rateNames, ratioOf, ratioText } from './bulletin-figures';

const escape = (text: string | number): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function departmentTable(caption: string, rows: readonly DepartmentRates[]): string {
  const head = ['部门', '转办件数', ...rateColumns.map((c) => rateNames[c]), '超期件数'];
  const body = rows
    .map(
      (row) =>
        `<tr><th scope="row">${escape(row.name)}</th><td>${row.tally.assigned}</td>${rateColumns.map((c) => `<td>${escape(ratioText(ratioOf(row.rates, c)))}</td>`).join('')}<td>${row.rates.overdue}</td></tr>`,
    )
    .join('\n');
  return `<table><caption>${escape(caption)}</caption>
<thead><tr>${head.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead>
<tbody>
${body || `<tr><td colspan="${head.length}">本期没有数据</td></tr>`}
</tbody></table>`;
}

export function bulletinHtml(report: RateReport, bulletin: Pick<BulletinRecord, 'kind' | 'period' | 'revision' | 'generatedAt'>, stylesheetUrl: string): string {
  const title = `${periodTitle(bulletin.kind, bulletin.period)}人民建议办理情况通报`;
  const { ranked, unranked } = rankedRows(report);
  const rankingColumns = rankingColumnsOf(report);
  const org = report.org;
  const orgRows = rateColumns.map((c) => `<tr><th scope="row">${rateNames[c]}</th><td>${escape(ratioText(ratioOf(org, c)))}</td></tr>`).join('\n');
  const rankingRows = ranked
    .map(
      (row) =>
        `<tr><td>${row.rank}</td><th scope="row">${escape(row.name)}</th>${rankingColumns.map((c) => `<td>${escape(ratioText(ratioOf(row.rates, c)))}</td>`).join('')}<td>${row.tally.assigned}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="stylesheet" href="${escape(stylesheetUrl)}">
</head>
<body>
<main class="bulletin">
<header>
<h1>${escape(title)}</h1>
<p class="meta">统计期间：${escape(report.from)} 至 ${escape(report.to)}（按转办日期计） · 第 ${bulletin.revision} 版 · 生成于 ${escape(bulletin.generatedAt.slice(0, 16).replace('T', ' '))} UTC</p>
</header>
<section aria-labelledby="org-heading">
<h2 id="org-heading">一、总体情况</h2>
<table><caption>全单位各项指标</caption>
<thead><tr><th scope="col">指标</th><th scope="col">本期</th></tr></thead>
<tbody>
${orgRows}
<tr><th scope="row">超期件数</th><td>${org.overdue}</td></tr>
<tr><th scope="row">未评价办结件数</th><td>${org.unratedClosures}</td></tr>
</tbody></table>
</section>
<section aria-labelledby="ranking-heading">
<h2 id="ranking-heading">二、三率排名</h2>
<p>按响应率、解决率、满意率排名；本期转办不足 ${report.minimumCount} 件的部门不参与排名，单列于后。</p>
<table><caption>部门三率排名</caption>
<thead><tr><th scope="col">名次</th><th scope="col">部门</th>${rankingColumns.map((c) => `<th scope="col">${rateNames[c]}</th>`).join('')}<th scope="col">转办件数</th></tr></thead>
<tbody>
${rankingRows || `<tr><td colspan="${rankingColumns.length + 3}">本期没有达到最低件数的部门</td></tr>`}
</tbody></table>
${unranked.length ? `<p class="unranked">未参与排名（件数不足）：${unranked.map((d) => `${escape(d.name)}（${d.tally.assigned} 件）`).join('、')}</p>` : ''}
</section>
<section aria-labelledby="departments-heading">
<h2 id="departments-heading">三、各部门办理情况（主办）</h2>
${departmentTable('各部门主办件指标', report.departments)}
</section>
<section aria-labelledby="cohandling-heading">
<h2 id="cohandling-heading">四、协办情况</h2>
${departmentTable('各部门协办件指标', report.cohandling.filter((d) => d.tally.assigned > 0))}
</section>
<footer><p>说明：办结率 = 办结 / 转办；按期办结率 = 按（延期后）期限办结 / 办结；满意率 = （满意 + 基本满意）/ 已评价，未评价的办结件单列；解决率中“部分解决”按一半计；采纳率 = 采纳 / 有效件。</p></footer>
</main>
</body>
</html>
`;
}
