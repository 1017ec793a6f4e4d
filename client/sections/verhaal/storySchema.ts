import { Schema, type DOMOutputSpec, type Mark, type Node } from '@tiptap/pm/model'

/** Addresses a story may link to; anything else (javascript:, data:, …) is shown without its address. */
const SAFE_HREF = /^(https?:|mailto:|tel:)/i

/**
 * What "Ons verhaal" is made of, in ProseMirror's terms and with the names
 * and attributes Tiptap's starter kit used for it (the rich text in the plan
 * was written with those, by every earlier version of Kring). Every kind must
 * be here, not only what the toolbar offers: the Yjs binding deletes what the
 * schema cannot hold, so a quote or a numbered list written earlier, or by a
 * device on an older version, must never meet a schema without it.
 */
export const storySchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*', parseDOM: [{ tag: 'p' }], toDOM: () => ['p', 0] },
    text: { group: 'inline' },
    hardBreak: { group: 'inline', inline: true, selectable: false, parseDOM: [{ tag: 'br' }], toDOM: () => ['br'] },
    heading: {
      group: 'block',
      content: 'inline*',
      defining: true,
      attrs: { level: { default: 1 } },
      parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
      toDOM: (node: Node): DOMOutputSpec => [`h${Math.min(6, Math.max(1, Number(node.attrs.level) || 1))}`, 0],
    },
    blockquote: { group: 'block', content: 'block+', defining: true, parseDOM: [{ tag: 'blockquote' }], toDOM: () => ['blockquote', 0] },
    codeBlock: {
      group: 'block',
      content: 'text*',
      marks: '',
      code: true,
      defining: true,
      attrs: { language: { default: null } },
      parseDOM: [{ tag: 'pre', preserveWhitespace: 'full' }],
      toDOM: () => ['pre', ['code', 0]],
    },
    horizontalRule: { group: 'block', parseDOM: [{ tag: 'hr' }], toDOM: () => ['hr'] },
    bulletList: { group: 'block list', content: 'listItem+', parseDOM: [{ tag: 'ul' }], toDOM: () => ['ul', 0] },
    orderedList: {
      group: 'block list',
      content: 'listItem+',
      attrs: { start: { default: 1 }, type: { default: null } },
      parseDOM: [{ tag: 'ol', getAttrs: (dom: HTMLElement) => ({ start: dom.hasAttribute('start') ? Number(dom.getAttribute('start')) || 1 : 1 }) }],
      toDOM: (node: Node): DOMOutputSpec => (node.attrs.start === 1 ? ['ol', 0] : ['ol', { start: node.attrs.start }, 0]),
    },
    listItem: { content: 'paragraph block*', defining: true, parseDOM: [{ tag: 'li' }], toDOM: () => ['li', 0] },
  },
  marks: {
    link: {
      inclusive: false,
      attrs: { href: { default: null }, target: { default: '_blank' }, rel: { default: 'noopener noreferrer nofollow' }, class: { default: null }, title: { default: null } },
      parseDOM: [{ tag: 'a[href]', getAttrs: (dom: HTMLElement) => (SAFE_HREF.test(dom.getAttribute('href') ?? '') ? { href: dom.getAttribute('href') } : false) }],
      toDOM: (mark: Mark): DOMOutputSpec => {
        const href = typeof mark.attrs.href === 'string' && SAFE_HREF.test(mark.attrs.href) ? mark.attrs.href : ''
        return ['a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, 0]
      },
    },
    bold: { parseDOM: [{ tag: 'strong' }, { tag: 'b' }, { style: 'font-weight=bold' }], toDOM: () => ['strong', 0] },
    italic: { parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }], toDOM: () => ['em', 0] },
    underline: { parseDOM: [{ tag: 'u' }], toDOM: () => ['u', 0] },
    strike: { parseDOM: [{ tag: 's' }, { tag: 'del' }], toDOM: () => ['s', 0] },
    code: { excludes: '_', code: true, parseDOM: [{ tag: 'code' }], toDOM: () => ['code', 0] },
  },
})
