// YAML for people to read and edit: manifests are shown as YAML, and the application editor
// accepts it back. toYaml writes block style; parseYaml reads JSON or the block subset that
// Kubernetes manifests use (mappings, sequences, plain and quoted scalars, `|`/`>` block
// scalars, comments, and flow collections written as JSON). Anchors, tags and multiple
// documents are not supported; parseYaml says so with the line number.

/** A value as YAML text. */
export function toYaml(value) {
  if (!isCollection(value) || isEmpty(value)) return `${scalar(value)}\n`;
  return `${block(value, 0).join('\n')}\n`;
}

function isCollection(value) {
  return value !== null && typeof value === 'object';
}

function isEmpty(value) {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

// The lines of a non-empty mapping or sequence, indented by `indent` spaces.
function block(value, indent) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) return value.flatMap((item) => entry(`${pad}-`, item, indent + 2, true));
  return Object.entries(value).flatMap(([key, item]) => entry(`${pad}${scalar(key)}:`, item, indent + 2, false));
}

// One "key:" or "-" entry with its value; a sequence item's nested collection starts on the dash line.
function entry(prefix, value, childIndent, isItem) {
  if (isCollection(value) && !isEmpty(value)) {
    const lines = block(value, childIndent);
    if (isItem) return [`${prefix} ${lines[0].slice(childIndent)}`, ...lines.slice(1)];
    return [prefix, ...lines];
  }
  if (typeof value === 'string' && value.includes('\n') && canBeLiteral(value)) {
    const keepsNewline = value.endsWith('\n');
    const body = (keepsNewline ? value.slice(0, -1) : value).split('\n');
    const pad = ' '.repeat(childIndent);
    return [`${prefix} ${keepsNewline ? '|' : '|-'}`, ...body.map((line) => (line ? pad + line : ''))];
  }
  return [`${prefix} ${scalar(value)}`];
}

// A literal block keeps the text exactly only when it has no leading blank or indented first
// line, no trailing blank lines and no control characters; otherwise it is written quoted.
function canBeLiteral(text) {
  return !/^[ \t\n]/.test(text) && !/\n\n$/.test(text) && !/[\u0000-\u0008\u000b-\u001f\r]/.test(text);
}

const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

// A scalar on one line: plain when YAML would read it back as the same string, quoted otherwise.
function scalar(value) {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object') return '{}';
  if (typeof value !== 'string') return String(value);
  const needsQuotes =
    value === '' ||
    value !== value.trim() ||
    RESERVED.test(value) ||
    !Number.isNaN(Number(value)) ||
    /^[-?:,[\]{}#&*!|>'"%@`]/.test(value) ||
    /: |:$| #|[\u0000-\u001f]/.test(value) ||
    /^\d{4}-\d\d-\d\d/.test(value) ||
    /^[-+]?\.(inf|nan)$/i.test(value);
  return needsQuotes ? JSON.stringify(value) : value;
}

/** Parses JSON or block YAML into a value; throws an Error naming the line on a problem. */
export function parseYaml(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch (error) {
      throw new Error(`Invalid JSON: ${error.message}`);
    }
  }
  const parser = new Parser(text);
  const first = parser.peek();
  if (!first) return null;
  const value = parser.node(first.indent);
  const rest = parser.peek();
  if (rest) parser.fail('unexpected content (only one document is supported)');
  return value;
}

class Parser {
  constructor(text) {
    this.lines = text.replace(/\r\n?/g, '\n').split('\n');
    this.index = 0;
  }

  fail(message, index = this.index) {
    throw new Error(`YAML line ${index + 1}: ${message}`);
  }

  // The next line with content (blank lines, comments and "---" skipped), without consuming it.
  peek() {
    while (this.index < this.lines.length) {
      const raw = this.lines[this.index];
      const content = stripComment(raw).trimEnd();
      if (content.trim() === '' || content === '---') {
        this.index += 1;
        continue;
      }
      if (/^\s*\t/.test(raw)) this.fail('tabs cannot indent YAML');
      return { indent: raw.length - raw.trimStart().length, text: content.trim() };
    }
    return null;
  }

  node(indent) {
    const line = this.peek();
    if (isItem(line.text)) return this.sequence(line.indent);
    if (splitKey(line.text)) return this.mapping(line.indent);
    this.index += 1;
    return parseScalar(line.text, this, this.index - 1);
  }

  mapping(indent) {
    const result = {};
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent) this.fail('unexpected indentation');
      if (isItem(line.text)) break; // A sequence at this level belongs to the key above.
      const pair = splitKey(line.text);
      if (!pair) this.fail('expected "key: value"');
      if (Object.hasOwn(result, pair.key)) this.fail(`duplicate key "${pair.key}"`);
      this.index += 1;
      result[pair.key] = this.value(pair.rest, indent);
    }
    return result;
  }

  sequence(indent) {
    const result = [];
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent) this.fail('unexpected indentation');
      if (!isItem(line.text)) break;
      const rest = line.text.slice(1).trimStart();
      if (rest && (isItem(rest) || splitKey(rest))) {
        // "- key: value" or "- - item": read the rest of the line as if it started a block of its own.
        const column = line.indent + (line.text.length - rest.length);
        this.lines[this.index] = ' '.repeat(column) + rest;
        result.push(this.node(column));
      } else {
        this.index += 1;
        result.push(this.value(rest, indent));
      }
    }
    return result;
  }

  // The value after "key:" or "-": inline, a block scalar, or a nested block on the next lines.
  value(rest, indent) {
    if (/^[|>][-+]?$/.test(rest)) return this.blockScalar(rest, indent);
    if (rest !== '') return parseScalar(rest, this, this.index - 1);
    const next = this.peek();
    if (next && (next.indent > indent || (next.indent === indent && isItem(next.text)))) return this.node(next.indent);
    return null;
  }

  blockScalar(indicator, indent) {
    const body = [];
    let contentIndent = -1;
    while (this.index < this.lines.length) {
      const raw = this.lines[this.index];
      const lineIndent = raw.length - raw.trimStart().length;
      if (raw.trim() !== '' && lineIndent <= indent) break;
      if (raw.trim() !== '' && contentIndent < 0) contentIndent = lineIndent;
      body.push(raw);
      this.index += 1;
    }
    const lines = body.map((raw) => raw.slice(Math.max(contentIndent, 0)));
    while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
    const text = indicator.startsWith('>') ? lines.join('\n').replace(/([^\n])\n(?=[^\n])/g, '$1 ') : lines.join('\n');
    if (indicator.endsWith('-')) return text;
    if (indicator.endsWith('+')) return `${text}\n${'\n'.repeat(body.length - lines.length)}`;
    return lines.length ? `${text}\n` : '';
  }
}

function isItem(text) {
  return text === '-' || text.startsWith('- ');
}

// "key: rest" → {key, rest}; quoted keys allowed; null when the text is not a mapping entry.
function splitKey(text) {
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = closingQuote(text);
    if (end < 0 || !/^:(\s|$)/.test(text.slice(end + 1))) return null;
    return { key: unquote(text.slice(0, end + 1)), rest: text.slice(end + 2).trim() };
  }
  if (text.startsWith('{') || text.startsWith('[')) return null;
  const match = /:(\s|$)/.exec(text);
  if (!match) return null;
  return { key: text.slice(0, match.index).trim(), rest: text.slice(match.index + 1).trim() };
}

function closingQuote(text) {
  const quote = text[0];
  for (let i = 1; i < text.length; i += 1) {
    if (quote === '"' && text[i] === '\\') i += 1;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i += 1;
      else return i;
    }
  }
  return -1;
}

function unquote(text) {
  if (text.startsWith('"')) return JSON.parse(text);
  return text.slice(1, -1).replace(/''/g, "'");
}

// Removes a "# comment" that is not inside quotes.
function stripComment(line) {
  let quote = null;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quote) {
      if (quote === '"' && char === '\\') i += 1;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      if (i === 0 || /[\s:[{,-]/.test(line[i - 1])) quote = char;
    } else if (char === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
      return line.slice(0, i);
    }
  }
  return line;
}

function parseScalar(text, parser, index) {
  if (text.startsWith('"') || text.startsWith("'")) {
    if (closingQuote(text) !== text.length - 1) parser.fail('unterminated or trailing text after a quoted string', index);
    try {
      return unquote(text);
    } catch {
      parser.fail('invalid escape in a double-quoted string', index);
    }
  }
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch {
      return parseFlowSequence(text, parser, index);
    }
  }
  if (/^(null|~)$/i.test(text)) return null;
  if (/^(true|yes|on)$/i.test(text)) return true;
  if (/^(false|no|off)$/i.test(text)) return false;
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text) || /^0x[0-9a-f]+$/i.test(text)) return Number(text);
  return text;
}

// "[a, b, c]" with plain or quoted items (the usual flow style that is not valid JSON).
function parseFlowSequence(text, parser, index) {
  if (!text.startsWith('[') || !text.endsWith(']') || /[[{]/.test(text.slice(1, -1))) {
    parser.fail('only JSON or simple [a, b] flow collections are supported', index);
  }
  const inner = text.slice(1, -1).trim();
  return inner ? inner.split(',').map((item) => parseScalar(item.trim(), parser, index)) : [];
}
