import { describe, expect, it } from 'vitest';
import { namesAuthor } from '../../src/validate/authorship.js';
import { renameIdIn, setMembership } from '../../src/store/units-edit.js';

describe('who a maintainer entry names', () => {
  it('compares e-mail addresses without case, user names by name or no-reply address, never teams', () => {
    expect(namesAuthor('li@finance.example', 'X', 'LI@FINANCE.example')).toBe(true);
    expect(namesAuthor('li@finance.example', 'li@finance.example', 'other@x')).toBe(false);
    expect(namesAuthor('@licai', 'licai', 'whatever@x')).toBe(true);
    expect(namesAuthor('licai', 'Someone', '123+licai@users.noreply.github.com')).toBe(true);
    expect(namesAuthor('licai', 'Someone', 'licai@noreply.gitea.example')).toBe(true);
    expect(namesAuthor('licai', 'Someone', 'licai@evil.example')).toBe(false);
    expect(namesAuthor('@org/team', 'org/team', 'x@y')).toBe(false);
  });
});

describe('unit edits through the YAML document', () => {
  it('changes only the references, keeping comments, quotes and flow lists', () => {
    const text = '# head\nsection: "1"\ntasks:\n  - id: "1.1" # keep\n    lead: ["finance", towns]\n    responsible:\n      - finance # inline\n      - financex\n';
    expect(renameIdIn('tasks', text, 'finance', 'fin')).toBe('# head\nsection: "1"\ntasks:\n  - id: "1.1" # keep\n    lead: ["fin", towns]\n    responsible:\n      - fin # inline\n      - financex\n');
    expect(renameIdIn('tasks', text, 'nobody', 'x')).toBeUndefined();
  });

  it('keeps CRLF line ends', () => {
    const text = 'units: []\r\ngroups:\r\n  - id: towns\r\n    name: 各镇\r\n    members: [a]\r\n';
    expect(setMembership(text, 'towns', 'b', true)).toBe('units: []\r\ngroups:\r\n  - id: towns\r\n    name: 各镇\r\n    members: [a, b]\r\n');
  });
});
