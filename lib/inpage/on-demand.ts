/**
 * Set in the content script's world by the background just before it injects
 * the publisher script for the popup (activeTab): that run is the user's own
 * request, so it does not wait for the "other sites" opt-in.
 */
export const ON_DEMAND = Symbol.for('pith-lens.on-demand');
