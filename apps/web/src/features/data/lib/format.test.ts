import { describe, expect, it } from 'vitest';
import { formatMoney, humanize, messageText, prettyJson } from './format';

describe('formatMoney', () => {
  it('writes the amount with its currency', () => {
    expect(formatMoney('12.5', 'USD', 'en-US')).toBe('$12.50');
    expect(formatMoney(1234.5, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
  });
  it('falls back for an unknown currency code and shows a dash for no amount', () => {
    expect(formatMoney('3', 'not-a-code', 'en-US')).toBe('3.00 not-a-code');
    expect(formatMoney(null, 'USD')).toBe('—');
    expect(formatMoney('', 'USD')).toBe('—');
    expect(formatMoney('4', null, 'en-US')).toBe('4.00');
  });
});

describe('humanize and prettyJson', () => {
  it('turns codes into words and pretty prints JSON', () => {
    expect(humanize('FULLY_REFUNDED')).toBe('Fully refunded');
    expect(humanize(null)).toBe('—');
    expect(humanize('AskSellerQuestion')).toBe('Ask seller question');
    expect(prettyJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
  });
});

describe('messageText', () => {
  it('turns an HTML fragment into plain text', () => {
    expect(messageText('<p>Hi, I bought &quot;Lamp&quot; &amp; more.<br/>Thanks</p><p>Bye</p>')).toBe(
      'Hi, I bought "Lamp" & more.\nThanks\nBye',
    );
    expect(messageText('<script>alert(1)</script>x &lt;b&gt;')).toBe('alert(1)x <b>');
    expect(messageText(null)).toBe('');
  });
});
