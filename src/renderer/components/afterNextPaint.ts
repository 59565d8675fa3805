/**
 * Resolves once the next frame has been painted: the next animation frame,
 * then a task right after it (a message, which runs sooner than a timer).
 * Resolves at once where there are no frames (tests without a DOM).
 */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  });
}
