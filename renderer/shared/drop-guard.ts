// A file dropped on a browser window makes the window navigate to it (file:///…): the app would be
// gone, replaced by the file, or by a page in it. No part of Liftoff takes files by drag and drop
// (the board and matrix drag with pointer events, not HTML drag and drop), so a drop is refused
// everywhere except on an element made for it: a file input, or anything marked data-accepts-drop.

const DROP_TARGETS = 'input[type="file"], [data-accepts-drop]';

function acceptsDrop(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(DROP_TARGETS) !== null;
}

function refuse(event: DragEvent): void {
  if (acceptsDrop(event.target)) return;
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
}

/** Installs the guard on the window; returns a function that removes it. */
export function installDropGuard(target: Window = window): () => void {
  target.addEventListener('dragover', refuse);
  target.addEventListener('drop', refuse);
  return () => {
    target.removeEventListener('dragover', refuse);
    target.removeEventListener('drop', refuse);
  };
}
