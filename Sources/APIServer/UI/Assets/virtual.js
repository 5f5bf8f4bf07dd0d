// Virtualised rendering for long lists: only the items in view (plus a buffer of rows above and
// below) are in the DOM; a spacer as tall as the whole list gives the scroll bar its size.
// Items have a fixed height, and in grid mode as many columns as fit. Sizes come from CSS custom
// properties on the scroller (--item-height, --item-min-width, --item-gap), so media queries in
// app.css can change them.
import { h } from './dom.js';

const BUFFER_ROWS = 4;

export class VirtualList {
  /**
   * `scroller` is the scrolling element; `renderItem(item, index)` builds an item's element;
   * `keyOf(item)` identifies it. An item is rebuilt only when its object changes, so a live
   * update re-renders just the tiles whose application changed. `table` says the items are
   * rows of an ARIA table (with a header row first) rather than items of a list.
   */
  constructor({ scroller, renderItem, keyOf, table = false }) {
    this.scroller = scroller;
    this.table = table;
    this.renderItem = renderItem;
    this.keyOf = keyOf;
    this.items = [];
    this.rendered = new Map();
    this.frame = 0;
    this.spacer = h('div', { class: 'virtual-spacer', role: table ? 'rowgroup' : 'none' });
    scroller.append(this.spacer);
    this.onScroll = () => this.schedule();
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.resizeObserver = new ResizeObserver(() => this.schedule());
    this.resizeObserver.observe(scroller);
  }

  /** Replaces the items and renders at once (callers already batch their updates per frame). */
  setItems(items) {
    this.items = items;
    if (this.table) this.scroller.setAttribute('aria-rowcount', String(items.length + 1));
    this.render();
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  metrics() {
    const styles = getComputedStyle(this.scroller);
    const read = (name) => parseFloat(styles.getPropertyValue(name)) || 0;
    const itemHeight = read('--item-height') || 40;
    const minWidth = read('--item-min-width');
    const gap = read('--item-gap');
    const width = this.spacer.clientWidth;
    const columns = minWidth ? Math.max(1, Math.floor((width + gap) / (minWidth + gap))) : 1;
    return { itemHeight, gap, columns, columnWidth: (width - gap * (columns - 1)) / columns, rowHeight: itemHeight + gap };
  }

  render() {
    const { itemHeight, gap, columns, columnWidth, rowHeight } = this.metrics();
    const rows = Math.ceil(this.items.length / columns);
    this.spacer.style.height = `${Math.max(0, rows * rowHeight - gap)}px`;
    // The spacer may sit below a header inside the scroller: measure from its top.
    const top = this.scroller.scrollTop - this.spacer.offsetTop;
    const firstRow = Math.max(0, Math.floor(top / rowHeight) - BUFFER_ROWS);
    const lastRow = Math.min(rows - 1, Math.floor((top + this.scroller.clientHeight) / rowHeight) + BUFFER_ROWS);

    const next = new Map();
    let previous = null;
    for (let row = firstRow; row <= lastRow; row += 1) {
      for (let column = 0; column < columns; column += 1) {
        const index = row * columns + column;
        if (index >= this.items.length) break;
        const item = this.items[index];
        const key = this.keyOf(item);
        let entry = this.rendered.get(key);
        this.rendered.delete(key);
        if (!entry || entry.item !== item) entry = { item, element: this.replace(entry?.element, item, index) };
        const { element } = entry;
        element.style.transform = `translate(${column * (columnWidth + gap)}px, ${row * rowHeight}px)`;
        element.style.width = `${columnWidth}px`;
        element.style.height = `${itemHeight}px`;
        // Only part of the list is in the DOM: tell assistive technology where each item sits.
        if (this.table) element.setAttribute('aria-rowindex', String(index + 2));
        else {
          element.setAttribute('aria-posinset', String(index + 1));
          element.setAttribute('aria-setsize', String(this.items.length));
        }
        // Keep DOM order equal to visual order, so Tab and screen readers follow the list.
        if (element.previousElementSibling !== previous || element.parentNode !== this.spacer) {
          if (previous) previous.after(element);
          else this.spacer.prepend(element);
        }
        previous = element;
        next.set(key, entry);
      }
    }
    for (const { element } of this.rendered.values()) element.remove();
    this.rendered = next;
  }

  // Builds an item's element; when it replaces one that had the focus, the focus moves along.
  replace(old, item, index) {
    const element = this.renderItem(item, index);
    if (old) {
      const hadFocus = old.contains(document.activeElement);
      old.replaceWith(element);
      if (hadFocus) element.querySelector('a, button')?.focus();
    }
    return element;
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    this.scroller.removeEventListener('scroll', this.onScroll);
    this.resizeObserver.disconnect();
    this.spacer.remove();
  }
}
