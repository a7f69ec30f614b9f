// Brings an element of the page into view by its id (the submission form's pillar heading or a gap's
// indicator, once the pillar it belongs to is on screen), and moves the keyboard focus there too.
window.sgScrollTo = id => {
  const element = document.getElementById(id);
  if (!element) {
    return;
  }
  element.scrollIntoView({ block: 'start' });
  if (!element.hasAttribute('tabindex')) {
    element.setAttribute('tabindex', '-1');
  }
  element.focus({ preventScroll: true });
};
