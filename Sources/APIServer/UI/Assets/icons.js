// Line icons drawn on a 24×24 grid with the current text colour, built with DOM APIs (the CSP
// forbids inline HTML styles, and no icon font may be loaded).
import { svg } from './dom.js';

const CIRCLE = ['circle', { cx: 12, cy: 12, r: 9 }];
const HEART = ['path', { d: 'M12 20s-7.5-4.6-7.5-10.1A4.3 4.3 0 0 1 12 7a4.3 4.3 0 0 1 7.5 2.9C19.5 15.4 12 20 12 20z' }];

const SHAPES = {
  heart: [HEART],
  'heart-broken': [HEART, ['polyline', { points: '12.5 7.5 10.5 11 13.5 13 11.5 17' }]],
  progress: [['path', { d: 'M12 3a9 9 0 1 1-9 9' }]],
  'pause-circle': [CIRCLE, ['line', { x1: 10, y1: 9, x2: 10, y2: 15 }], ['line', { x1: 14, y1: 9, x2: 14, y2: 15 }]],
  ghost: [['circle', { cx: 12, cy: 12, r: 9, 'stroke-dasharray': '3 3' }], ['circle', { cx: 12, cy: 12, r: 1.5 }]],
  'question-circle': [CIRCLE, ['path', { d: 'M9.6 9.4a2.5 2.5 0 1 1 3.4 2.4c-.6.3-1 .8-1 1.5v.5' }], ['line', { x1: 12, y1: 16.8, x2: 12, y2: 16.9 }]],
  'check-circle': [CIRCLE, ['polyline', { points: '8 12.5 11 15.5 16 9.5' }]],
  'x-circle': [CIRCLE, ['line', { x1: 9, y1: 9, x2: 15, y2: 15 }], ['line', { x1: 15, y1: 9, x2: 9, y2: 15 }]],
  'arrow-up-circle': [CIRCLE, ['line', { x1: 12, y1: 16, x2: 12, y2: 8 }], ['polyline', { points: '8.5 11.5 12 8 15.5 11.5' }]],
  warning: [['path', { d: 'M12 3.5 2.5 20h19z' }], ['line', { x1: 12, y1: 10, x2: 12, y2: 14 }], ['line', { x1: 12, y1: 17, x2: 12, y2: 17.1 }]],
  info: [CIRCLE, ['line', { x1: 12, y1: 11, x2: 12, y2: 16 }], ['line', { x1: 12, y1: 8, x2: 12, y2: 8.1 }]],
  refresh: [['path', { d: 'M20 12a8 8 0 1 1-2.3-5.7' }], ['polyline', { points: '20 4 20 9 15 9' }]],
  sync: [
    ['path', { d: 'M4.5 11a7.5 7.5 0 0 1 13.3-4L20 9' }],
    ['polyline', { points: '20 4 20 9 15 9' }],
    ['path', { d: 'M19.5 13a7.5 7.5 0 0 1-13.3 4L4 15' }],
    ['polyline', { points: '4 20 4 15 9 15' }],
  ],
  history: [['path', { d: 'M3.5 12a8.5 8.5 0 1 0 2.5-6' }], ['polyline', { points: '3 3.5 3 8 7.5 8' }], ['polyline', { points: '12 7.5 12 12 15 14' }]],
  trash: [['line', { x1: 4, y1: 7, x2: 20, y2: 7 }], ['path', { d: 'M9 7V4.5h6V7' }], ['path', { d: 'M6 7l1 13h10l1-13' }]],
  plus: [['line', { x1: 12, y1: 5, x2: 12, y2: 19 }], ['line', { x1: 5, y1: 12, x2: 19, y2: 12 }]],
  edit: [['path', { d: 'M4 20h4L19 9l-4-4L4 16z' }], ['line', { x1: 13, y1: 7, x2: 17, y2: 11 }]],
  stop: [['rect', { x: 6, y: 6, width: 12, height: 12, rx: 1.5 }]],
  tiles: [
    ['rect', { x: 4, y: 4, width: 7, height: 7, rx: 1 }],
    ['rect', { x: 13, y: 4, width: 7, height: 7, rx: 1 }],
    ['rect', { x: 4, y: 13, width: 7, height: 7, rx: 1 }],
    ['rect', { x: 13, y: 13, width: 7, height: 7, rx: 1 }],
  ],
  list: [['line', { x1: 4, y1: 6, x2: 20, y2: 6 }], ['line', { x1: 4, y1: 12, x2: 20, y2: 12 }], ['line', { x1: 4, y1: 18, x2: 20, y2: 18 }]],
  sun: [
    ['circle', { cx: 12, cy: 12, r: 4 }],
    ...[0, 45, 90, 135, 180, 225, 270, 315].map((angle) => {
      const radians = (angle * Math.PI) / 180;
      const point = (radius) => [12 + radius * Math.cos(radians), 12 + radius * Math.sin(radians)].map((n) => n.toFixed(2));
      const [x1, y1] = point(6.5);
      const [x2, y2] = point(9);
      return ['line', { x1, y1, x2, y2 }];
    }),
  ],
  moon: [['path', { d: 'M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z' }]],
  user: [['circle', { cx: 12, cy: 8, r: 4 }], ['path', { d: 'M4 20c1.5-4 4.5-6 8-6s6.5 2 8 6' }]],
  close: [['line', { x1: 6, y1: 6, x2: 18, y2: 18 }], ['line', { x1: 18, y1: 6, x2: 6, y2: 18 }]],
  logout: [['path', { d: 'M10 4H5v16h5' }], ['line', { x1: 10, y1: 12, x2: 20, y2: 12 }], ['polyline', { points: '16 8 20 12 16 16' }]],
  external: [['path', { d: 'M14 4h6v6' }], ['line', { x1: 20, y1: 4, x2: 11, y2: 13 }], ['path', { d: 'M18 14v6H4V6h6' }]],
  wharf: [
    ['path', { d: 'M4 12h16' }],
    ['path', { d: 'M6 12v4M12 12v4M18 12v4' }],
    ['path', { d: 'M8 12V6h8v6' }],
    ['path', { d: 'M3 19c1.5 1 3 1 4.5 0s3-1 4.5 0 3 1 4.5 0 3-1 4.5 0' }],
  ],
};

/**
 * An icon. With a label it is an image for assistive technology (role img, aria-label and a
 * tooltip title); without one it is decorative (the text next to it says the same) and hidden.
 */
export function icon(name, label, className = '') {
  const root = svg('svg', {
    viewBox: '0 0 24 24',
    class: `icon icon-${name} ${className}`.trim(),
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': 2,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    focusable: 'false',
  });
  if (label) {
    root.setAttribute('role', 'img');
    root.setAttribute('aria-label', label);
    const title = svg('title');
    title.textContent = label;
    root.append(title);
  } else {
    root.setAttribute('aria-hidden', 'true');
  }
  for (const [tag, attributes] of SHAPES[name] ?? SHAPES['question-circle']) root.append(svg(tag, attributes));
  return root;
}
