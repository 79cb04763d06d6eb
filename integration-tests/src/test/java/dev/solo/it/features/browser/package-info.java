/**
 * The demo site in Debian's headless Chromium, driven by Selenium through Debian's chromedriver given by path:
 * nothing is downloaded at run time, and a machine without the browser fails the test instead of skipping it.
 */
package dev.solo.it.features.browser;
