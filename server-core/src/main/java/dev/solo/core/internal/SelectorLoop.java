package dev.solo.core.internal;

import dev.solo.core.BindFailure;
import dev.solo.core.EventLoop;
import dev.solo.core.Listener;
import dev.solo.core.ListenerChanges;
import dev.solo.core.Server;
import dev.solo.core.Timer;
import dev.solo.core.Transport;
import dev.solo.core.spi.ConnectionHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one loop: a selector, a task queue, a timer heap, the acceptors and every open connection.
 *
 * <p>Each turn: select (timeout = the nearest timer), dispatch ready keys (the handler of a connection does at most
 * one read or one write per event), run queued tasks, run expired timers. Any exception from a handler closes that
 * connection only; the loop never dies of one.
 *
 * <p>Errors ({@link OutOfMemoryError} above all) are handled by where they happen, not by their type:
 * <ul>
 *   <li>in a connection's handler or while opening one: logged, and that connection is closed, which gives back what
 *       it held; the loop goes on serving the others. The protocol bounds what a connection may hold (HTTP sheds the
 *       oldest partial heads when they hold too much), so an out-of-memory error means the heap is too small for the
 *       configured limits, and the connection that met it is the one to drop;</li>
 *   <li>in accepting: the new socket is closed and accepting pauses for a moment ({@link Acceptor});</li>
 *   <li>in a task or a timer: logged, and the loop goes on (a connection's timer closes its own connection first);</li>
 *   <li>in the loop's own machinery (the selector, its bookkeeping): the state of the loop is unknown, so
 *       {@link #run()} ends with the error after closing every socket, and the process exits non-zero for its
 *       supervisor to restart it.</li>
 * </ul>
 *
 * <p>Shutdown: listeners close, each connection is asked to finish ({@code onShutdown}), and when the grace period
 * ends the rest are closed; {@link #run()} returns once no connection is left.
 */
public final class SelectorLoop implements Server, EventLoop {

    private static final Logger LOG = LoggerFactory.getLogger(SelectorLoop.class);

    private final List<Listener> listeners;
    private int maxConnections;
    private final int backlog;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean selecting = new AtomicBoolean();
    private final TimerHeap timers = new TimerHeap(this::now);
    private final Set<SocketTransport> connections = new LinkedHashSet<>();
    private final List<Acceptor> acceptors = new ArrayList<>();
    private final List<InetSocketAddress> bound = new ArrayList<>();
    /** Connections closed since the last select: their keys are cancelled, their sockets still open. */
    private List<SocketTransport> cancelledSinceSelect = new ArrayList<>();
    /** Connections whose keys the current select deregisters: their sockets are closed right after it. */
    private List<SocketTransport> deregistering = new ArrayList<>();
    private final Selector selector;
    private final long startNanos = System.nanoTime();
    private volatile Thread thread;
    private volatile int openCount;
    private long now;
    private long wallTime = System.currentTimeMillis();
    private long nextConnectionId = 1;
    private final java.util.function.Consumer<SelectionKey> onReady = this::onReady;
    private boolean ticked;
    private boolean stopping;
    private boolean stopped;

    /**
     * @param listeners what to bind
     * @param maxConnections connections open at once before accepting pauses
     * @param backlog the kernel's listen queue length
     */
    public SelectorLoop(List<Listener> listeners, int maxConnections, int backlog) {
        this.listeners = listeners;
        this.maxConnections = maxConnections;
        this.backlog = backlog;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    @Override
    public void start() throws BindFailure {
        for (Listener listener : listeners) {
            try {
                Acceptor acceptor = Acceptor.bind(this, listener, backlog);
                acceptors.add(acceptor);
                bound.add(acceptor.boundAddress());
            } catch (IOException e) {
                acceptors.forEach(Acceptor::close);
                acceptors.clear();
                bound.clear();
                releaseCancelledKeys();
                throw new BindFailure(listener, e);
            }
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        tick();
        try {
            while (!stopped) {
                turn();
            }
        } finally {
            acceptors.forEach(Acceptor::close);
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("selector close failed", e);
            }
            // Closing the selector deregistered every key: whatever still waits can be closed now.
            closeSockets(deregistering);
            closeSockets(cancelledSinceSelect);
        }
    }

    private void turn() {
        long timeout = timers.millisUntilNext(now);
        ticked = false;
        // Keys cancelled before this select are deregistered by it; their sockets are closed after it returns.
        List<SocketTransport> swap = deregistering;
        deregistering = cancelledSinceSelect;
        cancelledSinceSelect = swap;
        try {
            // The Consumer forms hand each ready key straight to dispatch: no selected-key set to fill and clear.
            // A socket waiting to be closed must not wait for the next event, so such a turn does not block.
            if (!tasks.isEmpty() || timeout == 0 || !deregistering.isEmpty()) {
                selector.selectNow(onReady);
            } else {
                selecting.set(true);
                if (tasks.isEmpty()) {
                    selector.select(onReady, timeout < 0 ? 0 : timeout);
                } else {
                    selector.selectNow(onReady);
                }
                selecting.set(false);
            }
        } catch (IOException e) {
            LOG.error("select failed", e);
        }
        closeSockets(deregistering);
        if (!ticked) {
            tick();
        }
        runTasks();
        timers.runExpired(now);
        if (stopping && connections.isEmpty()) {
            stopped = true;
        }
    }

    /** Reads the clock once per turn, before the first ready key is handled. */
    private void onReady(SelectionKey key) {
        if (!ticked) {
            tick();
            ticked = true;
        }
        dispatch(key);
    }

    private void tick() {
        now = (System.nanoTime() - startNanos) / 1_000_000L;
        wallTime = System.currentTimeMillis();
    }

    private void dispatch(SelectionKey key) {
        Object attachment = key.attachment();
        if (attachment instanceof Acceptor) {
            ((Acceptor) attachment).acceptReady();
            return;
        }
        SocketTransport transport = (SocketTransport) attachment;
        if (transport.handler() == null) {
            transport.close();
            return;
        }
        try {
            int ops = key.readyOps();
            if ((ops & SelectionKey.OP_CONNECT) != 0) {
                transport.finishConnect();
                return;
            }
            if ((ops & SelectionKey.OP_READ) != 0) {
                transport.handler().onReadable();
            }
            if ((ops & SelectionKey.OP_WRITE) != 0 && transport.isOpen() && key.isValid()) {
                transport.handler().onWritable();
            }
        } catch (CancelledKeyException e) {
            transport.close();
        } catch (RuntimeException | Error e) {
            LOG.error("{}: closed after an unexpected failure", transport, e);
            transport.close();
        }
    }

    private void runTasks() {
        // Only the tasks queued so far: a task that queues another must not keep this turn from selecting.
        for (int n = tasks.size(); n > 0; n--) {
            Runnable task = tasks.poll();
            if (task == null) {
                break;
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("loop task failed", e);
            }
        }
    }

    /** Called by an acceptor for each new socket: registers it and lets the listener's protocol open it. */
    SocketTransport register(java.nio.channels.SocketChannel channel, Acceptor acceptor) throws IOException {
        SocketTransport transport = new SocketTransport(nextConnectionId++, this, channel);
        transport.key(channel.register(selector, 0, transport));
        connections.add(transport);
        openCount = connections.size();
        try {
            transport.handler(acceptor.listener().factory().open(transport));
        } catch (RuntimeException | Error e) {
            // OutOfMemoryError included: closing the newcomer is what frees memory; see the class comment.
            LOG.error("{}: protocol failed to open the connection", transport, e);
            transport.close();
        }
        return transport;
    }

    @Override
    public Transport connect(InetSocketAddress address, Function<Transport, ConnectionHandler> handler)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        SocketTransport transport;
        boolean connected;
        try {
            channel.configureBlocking(false);
            connected = channel.connect(address);
            transport = new SocketTransport(nextConnectionId++, this, channel, address);
            transport.key(channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, transport));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        connections.add(transport);
        openCount = connections.size();
        transport.handler(handler.apply(transport));
        if (connected) {
            // Not from inside this call: the caller is still setting up and expects the news later, as usual.
            execute(() -> {
                if (transport.isOpen()) {
                    transport.connected();
                }
            });
        }
        return transport;
    }

    boolean atConnectionLimit() {
        return connections.size() >= maxConnections;
    }

    boolean isStopping() {
        return stopping;
    }

    /** Called by a transport whose key it cancelled: its socket is closed once the next select has dropped the key. */
    void closeAfterDeregistration(SocketTransport transport) {
        cancelledSinceSelect.add(transport);
    }

    private static void closeSockets(List<SocketTransport> transports) {
        for (int i = 0, n = transports.size(); i < n; i++) {
            transports.get(i).closeChannel();
        }
        transports.clear();
    }

    void connectionClosed(SocketTransport transport) {
        boolean wasFull = atConnectionLimit();
        connections.remove(transport);
        openCount = connections.size();
        if (wasFull && !stopping && !atConnectionLimit()) {
            acceptors.forEach(Acceptor::resume);
        }
    }

    @Override
    public void shutdown(Duration grace) {
        execute(() -> beginShutdown(grace));
    }

    private void beginShutdown(Duration grace) {
        if (stopping) {
            return;
        }
        stopping = true;
        LOG.info("shutting down: {} connection(s) open, grace {} ms", connections.size(), grace.toMillis());
        acceptors.forEach(Acceptor::close);
        for (SocketTransport transport : new ArrayList<>(connections)) {
            try {
                transport.handler().onShutdown();
            } catch (RuntimeException e) {
                LOG.error("{}: failed to shut down", transport, e);
                transport.close();
            }
        }
        schedule(grace.toMillis(), () -> {
            if (!connections.isEmpty()) {
                LOG.info("grace period over: closing {} connection(s)", connections.size());
                new ArrayList<>(connections).forEach(SocketTransport::close);
            }
        });
    }

    @Override
    public ListenerChanges rebind(List<Listener> next, int maxConnections) throws BindFailure {
        if (!inEventLoop()) {
            throw new IllegalStateException("rebind runs on the loop thread");
        }
        ListenerChanges changes = Rebinding.apply(this, acceptors, next, backlog);
        bound.clear();
        acceptors.forEach(a -> bound.add(a.boundAddress()));
        boolean wasFull = atConnectionLimit();
        this.maxConnections = maxConnections;
        if (wasFull && !atConnectionLimit()) {
            acceptors.forEach(Acceptor::resume);
        }
        return changes;
    }

    @Override
    public EventLoop loop() {
        return this;
    }

    @Override
    public List<InetSocketAddress> boundAddresses() {
        return List.copyOf(bound);
    }

    @Override
    public int openConnections() {
        return openCount;
    }

    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (!inEventLoop() && selecting.get()) {
            selector.wakeup();
        }
    }

    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        return timers.schedule(delayMillis, task);
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public long wallTime() {
        return wallTime;
    }

    /** A channel registered with a selector is really closed only at the selector's next select. */
    private void releaseCancelledKeys() {
        try {
            selector.selectNow();
        } catch (IOException e) {
            LOG.debug("selectNow after a failed start failed", e);
        }
    }

    Selector selector() {
        return selector;
    }
}
