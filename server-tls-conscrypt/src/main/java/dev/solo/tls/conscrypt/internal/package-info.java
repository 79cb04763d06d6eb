/**
 * The {@code java.security.Provider} that offers Conscrypt's TLS contexts to {@link java.util.ServiceLoader}.
 * Unexported: the module system makes {@link dev.solo.tls.conscrypt.internal.ConscryptProvider} without an export,
 * and no code needs it by name (server-tls finds it by the provider's name, "Conscrypt").
 */
package dev.solo.tls.conscrypt.internal;
