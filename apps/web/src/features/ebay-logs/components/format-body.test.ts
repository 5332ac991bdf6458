import { describe, expect, it } from 'vitest';
import { formatBody } from './format-body';

describe('formatBody', () => {
  it('pretty-prints JSON', () => {
    expect(formatBody('{"a":1,"b":[true]}')).toEqual({ text: '{\n  "a": 1,\n  "b": [\n    true\n  ]\n}', language: 'json' });
  });

  it('indents XML and keeps text elements on one line', () => {
    const { text, language } = formatBody('<?xml version="1.0"?><R><Ack>Success</Ack><Items><Item/></Items></R>');
    expect(language).toBe('xml');
    expect(text).toBe('<?xml version="1.0"?>\n<R>\n  <Ack>Success</Ack>\n  <Items>\n    <Item/>\n  </Items>\n</R>');
  });

  it('leaves truncated or plain bodies alone', () => {
    expect(formatBody('{"a":1...[truncated 10 bytes]').language).toBe('text');
    expect(formatBody('grant_type=refresh_token').text).toBe('grant_type=refresh_token');
  });
});
