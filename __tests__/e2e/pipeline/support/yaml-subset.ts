/**
 * Reads the YAML subset the CI examples are written in (block maps and lists, `|` block scalars,
 * quoted and plain scalars; flow lists stay strings), so the tests run the examples' own steps
 * without a YAML dependency. Anything outside the subset is an error, never a silent misread.
 */
export type YamlValue = string | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  readonly indent: number;
  readonly text: string;
  readonly number: number;
}

export function parseYamlSubset(source: string): YamlValue {
  const lines: Line[] = source.split('\n').flatMap((raw, index) => {
    const text = raw.trimEnd();
    if (text.trim() === '' || text.trim().startsWith('#')) return [];
    return [{ indent: text.length - text.trimStart().length, text: text.trim(), number: index + 1 }];
  });
  const rawLines = source.split('\n');
  let at = 0;

  const scalar = (text: string): string => {
    const match = /^'(.*)'$/.exec(text) ?? /^"(.*)"$/.exec(text);
    return match ? match[1] : text;
  };
  const blockScalar = (parentIndent: number, startLine: number): string => {
    const body: string[] = [];
    let indent = -1;
    for (let n = startLine; n < rawLines.length; n += 1) {
      const raw = rawLines[n];
      const lineIndent = raw.length - raw.trimStart().length;
      if (raw.trim() !== '' && lineIndent <= parentIndent) break;
      if (indent < 0 && raw.trim() !== '') indent = lineIndent;
      body.push(raw.slice(Math.max(indent, 0)));
    }
    while (at < lines.length && lines[at].number - 1 < startLine + body.length) at += 1;
    return body.join('\n').replace(/\n+$/, '') + '\n';
  };
  const value = (rest: string, indent: number, line: Line): YamlValue => {
    if (rest === '|') return blockScalar(indent, line.number);
    if (rest !== '') return scalar(rest);
    return at < lines.length && lines[at].indent > indent ? block(lines[at].indent) : '';
  };
  const entry = (target: { [key: string]: YamlValue }, text: string, indent: number, line: Line) => {
    const match = /^([^:'"]+|'[^']*'|"[^"]*"):(?:\s+(.*))?$/.exec(text);
    if (!match) throw new Error(`line ${line.number}: "${text}" is outside the YAML subset the examples use`);
    target[scalar(match[1].trim())] = value(match[2] ?? '', indent, line);
  };
  function block(indent: number): YamlValue {
    if (lines[at].text.startsWith('- ')) {
      const list: YamlValue[] = [];
      while (at < lines.length && lines[at].indent === indent && lines[at].text.startsWith('- ')) {
        const line = lines[at++];
        const rest = line.text.slice(2);
        if (!/^[^'"]*?:(\s|$)/.test(rest)) {
          list.push(scalar(rest));
          continue;
        }
        const item: { [key: string]: YamlValue } = {};
        entry(item, rest, indent + 2, line);
        while (at < lines.length && lines[at].indent === indent + 2 && !lines[at].text.startsWith('- ')) entry(item, lines[at].text, indent + 2, lines[at++]);
        list.push(item);
      }
      return list;
    }
    const map: { [key: string]: YamlValue } = {};
    while (at < lines.length && lines[at].indent === indent) {
      const line = lines[at++];
      entry(map, line.text, indent, line);
    }
    return map;
  }
  const document = block(0);
  if (at < lines.length) throw new Error(`line ${lines[at].number}: unexpected indentation`);
  return document;
}
