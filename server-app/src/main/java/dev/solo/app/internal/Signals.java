package dev.solo.app.internal;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catching and sending POSIX signals.
 *
 * <p>Catching: the JDK's only way is {@code sun.misc.Signal} (module {@code jdk.unsupported}, which this module
 * requires so that it is resolved). Naming that class in source brings javac's "internal proprietary API" warning,
 * which no {@code @SuppressWarnings} silences, and the build allows no warning; so the class and its handler interface
 * are reached by reflection, the handler being a {@link Proxy}. The JVM runs each handler on a short-lived thread of
 * its own: handlers given here must only hand the event over (to a loop's {@code execute}, to a queue).
 *
 * <p>Sending: Java can send only SIGTERM and SIGKILL ({@link ProcessHandle#destroy()}); any other signal is sent with
 * the {@code kill} built into {@code /bin/sh}.
 */
public final class Signals {

    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    /**
     * Runs {@code action} each time the process receives the signal, instead of the JVM's default (for HUP, INT and
     * TERM the default is to exit).
     *
     * @param name the signal without {@code SIG}: {@code HUP}, {@code TERM}, {@code INT}
     * @param action what to do, on a JVM signal thread; must return quickly
     * @return false when the signal cannot be caught here (no {@code jdk.unsupported}, or the JVM runs with
     *         {@code -Xrs}); the reason is logged
     */
    public static boolean handle(String name, Runnable action) {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object signal = signalType.getConstructor(String.class).newInstance(name);
            InvocationHandler calls = (proxy, method, args) -> invoke(proxy, method, args, action);
            Object handler = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerType},
                    calls);
            signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, handler);
            return true;
        } catch (InvocationTargetException e) {
            LOG.warn("cannot catch SIG{}: {}", name, e.getCause().toString());
            return false;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot catch SIG{}: {}", name, e.toString());
            return false;
        }
    }

    /** The proxy's methods: {@code handle(Signal)} runs the action; Object's methods behave as identity would. */
    private static Object invoke(Object proxy, Method method, Object[] args, Runnable action) {
        switch (method.getName()) {
            case "handle":
                action.run();
                return null;
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "solo signal handler";
            default:
                throw new UnsupportedOperationException(method.getName());
        }
    }

    /**
     * Sends a signal to another process, e.g. SIGHUP to a worker or to the process named by a pid file.
     *
     * @param pid the process
     * @param name the signal without {@code SIG}
     * @return whether {@code kill} succeeded within five seconds
     */
    public static boolean send(long pid, String name) {
        ProcessBuilder kill = new ProcessBuilder("/bin/sh", "-c", "kill -s \"$1\" \"$2\"", "sh", name,
                Long.toString(pid)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = kill.start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            LOG.warn("cannot send SIG{} to {}: {}", name, pid, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
