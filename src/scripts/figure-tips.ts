/**
 * Tooltips for figures rendered at build time: a mark's `data-tip` shows on
 * hover and on keyboard focus. Within one chart the marks form a single tab
 * stop; arrow keys, Home and End move between them, Escape closes the tip.
 * Switching variants and highlighting groups is done by CSS (radio buttons
 * and `:has()`), so it works without this script.
 */
function setUpFigure(figure: HTMLElement): void {
  const body = figure.querySelector<HTMLElement>('.fig-figure');
  if (!body) return;
  const tip = document.createElement('div');
  tip.className = 'fig-tip';
  tip.setAttribute('aria-hidden', 'true');
  tip.hidden = true;
  body.append(tip);

  for (const svg of figure.querySelectorAll('svg')) {
    svg
      .querySelectorAll<SVGElement>('[data-tip]')
      .forEach((mark, i) => mark.setAttribute('tabindex', i === 0 ? '0' : '-1'));
  }

  let active: SVGElement | null = null;
  const show = (mark: SVGElement) => {
    active?.classList.remove('is-active');
    active = mark;
    mark.classList.add('is-active');
    tip.textContent = mark.dataset.tip ?? '';
    tip.hidden = false;
    const box = body.getBoundingClientRect();
    const r = mark.getBoundingClientRect();
    const x = r.left + r.width / 2 - box.left;
    const half = tip.offsetWidth / 2;
    tip.style.left = `${Math.min(Math.max(x, half), box.width - half)}px`;
    tip.style.top = `${r.top - box.top}px`;
  };
  const hide = () => {
    active?.classList.remove('is-active');
    active = null;
    tip.hidden = true;
  };
  const markOf = (target: EventTarget | null) =>
    target instanceof Element ? target.closest<SVGElement>('[data-tip]') : null;

  figure.addEventListener('pointerover', (e) => {
    const mark = markOf(e.target);
    if (mark) show(mark);
  });
  figure.addEventListener('pointerout', (e) => {
    if (markOf(e.target) && document.activeElement !== markOf(e.target)) hide();
  });
  figure.addEventListener('focusin', (e) => {
    const mark = markOf(e.target);
    if (mark) show(mark);
  });
  figure.addEventListener('focusout', (e) => {
    if (markOf(e.target)) hide();
  });
  figure.addEventListener('keydown', (e) => {
    const mark = markOf(e.target);
    if (!mark) return;
    if (e.key === 'Escape') {
      hide();
      return;
    }
    const marks = [...(mark.ownerSVGElement?.querySelectorAll<SVGElement>('[data-tip]') ?? [])];
    const at = marks.indexOf(mark);
    const next = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: marks.length - 1,
    }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const target = marks[Math.min(Math.max(next, 0), marks.length - 1)]!;
    mark.setAttribute('tabindex', '-1');
    target.setAttribute('tabindex', '0');
    target.focus();
  });
}

document.querySelectorAll<HTMLElement>('[data-figure]').forEach(setUpFigure);
