/**
 * Helpers of the feature tests, next to the shared harness in {@code dev.solo.it.support}:
 * {@link dev.solo.it.features.support.GeneratedContent} (reproducible random bodies of any size, streamed, with their
 * SHA-256), {@link dev.solo.it.features.support.MultipartBody} (streamed {@code multipart/form-data}),
 * {@link dev.solo.it.features.support.Transfers} (large uploads and digesting downloads),
 * {@link dev.solo.it.features.support.Poll} (bounded waits instead of sleeps),
 * {@link dev.solo.it.features.support.ChildProcesses} (the test JVM's children and zombies),
 * {@link dev.solo.it.features.support.Programs} (required external programs) and
 * {@link dev.solo.it.features.support.DemoSite} (a copy of the demo on free ports).
 */
package dev.solo.it.features.support;
