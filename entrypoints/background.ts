export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    void browser.action.setBadgeText({ text: '' });
  });
});
