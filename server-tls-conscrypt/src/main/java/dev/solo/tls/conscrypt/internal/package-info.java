/**
 * The service entry that hands Conscrypt's provider to {@link java.util.ServiceLoader}. Unexported: the module
 * system reaches {@link dev.solo.tls.conscrypt.internal.ConscryptProvider#provider()} without an export, and no code
 * needs it by name.
 */
package dev.solo.tls.conscrypt.internal;
