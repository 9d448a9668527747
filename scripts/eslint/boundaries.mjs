// Module boundaries, checked by `npm run check` (rule `tds/boundaries`).
// - API: a file of modules/<m> imports another module only through its face
//   (modules/<b>/index.ts); a table file may import another module's table file (foreign keys).
// - API: platform/ imports no module; files outside modules/ reach a module only through its face.
// - API: production code never imports testing/.
// - Web: a file of features/<f> imports another feature only through features/<g>/index.ts;
//   lib/ and components/ import no feature.
import path from 'node:path';

const isTest = (f) => /\.(test|spec)\.tsx?$/.test(f) || /\.matrix\.ts$/.test(f);

function classify(file) {
  const norm = file.split(path.sep).join('/');
  let m = norm.match(/apps\/api\/src\/(.*)$/);
  if (m) return { app: 'api', rel: m[1] };
  m = norm.match(/apps\/web\/src\/(.*)$/);
  if (m) return { app: 'web', rel: m[1] };
  return null;
}

const stripExt = (p) => p.replace(/\.(tsx?|mjs|js)$/, '');

function problem(fromFile, spec) {
  if (!spec.startsWith('.')) return null;
  const from = classify(fromFile);
  if (!from) return null;
  const target = classify(path.resolve(path.dirname(fromFile), spec));
  if (!target || target.app !== from.app) return null;
  const src = from.rel.split('/');
  const dst = stripExt(target.rel).split('/');
  const test = isTest(fromFile) || src[0] === 'testing';
  if (from.app === 'api') {
    if (!test && dst[0] === 'testing') return 'Mã sản phẩm không được import testing/ (chỉ kiểm thử dùng).';
    if (dst[0] !== 'modules') return null;
    if (src[0] === 'platform' && !test) return `platform/ không được import module (${dst.join('/')}): module dùng platform, không ngược lại.`;
    if (test || dst.length < 2 || (dst.length === 2 && dst[1] === 'index')) return null;
    const b = dst[1];
    // `modules/<b>` (the folder) and `modules/<b>/index` are the face.
    const face = dst.length === 2 || (dst.length === 3 && dst[2] === 'index');
    const mine = src[0] === 'modules' ? src[1] : null;
    if (mine === b || face) return null;
    if (src[src.length - 1].endsWith('.table.ts') && dst[dst.length - 1].endsWith('.table')) return null;
    return `Import phần bên trong của module "${b}" (${dst.slice(2).join('/')}): hãy dùng mặt công khai modules/${b}/index.ts.`;
  }
  // web
  if (test) return null;
  if (dst[0] !== 'features' || dst.length < 2) return null;
  if (src[0] === 'lib' || src[0] === 'components') return `${src[0]}/ không được import tính năng (${dst.join('/')}).`;
  if (dst.length === 2 && dst[1] === 'index') return null;
  const g = dst[1];
  const face = dst.length === 2 || (dst.length === 3 && dst[2] === 'index');
  const mine = src[0] === 'features' ? src[1] : null;
  if (mine === g || face) return null;
  return `Import phần bên trong của tính năng "${g}": hãy dùng features/${g}/index.ts.`;
}

const rule = {
  meta: { type: 'problem', docs: { description: 'Module and feature boundaries' }, schema: [] },
  create(context) {
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const message = problem(context.filename, source.value);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source),
      ExportNamedDeclaration: (n) => check(n, n.source),
      ExportAllDeclaration: (n) => check(n, n.source),
      ImportExpression: (n) => check(n, n.source),
    };
  },
};

export default { rules: { boundaries: rule } };
