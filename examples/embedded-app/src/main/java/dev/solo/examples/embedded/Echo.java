package dev.solo.examples.embedded;

import dev.solo.http.BodyConsumer;
import dev.solo.http.Exchange;
import dev.solo.http.HeaderName;
import dev.solo.http.Response;
import dev.solo.http.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code POST /echo}: the request body back, byte for byte. The body streams to a temporary file as it arrives
 * (de-chunked by the server, capped by the location's {@code client_max_body_size}) and the file streams back, so
 * memory stays flat whatever the size; the file is gone when the response ends, sent or not.
 */
final class Echo implements BodyConsumer {

    private final Exchange exchange;
    private final FileChannel spool;

    private Echo(Exchange exchange, FileChannel spool) {
        this.exchange = exchange;
        this.spool = spool;
    }

    /**
     * The handler: claims the body.
     *
     * @param exchange the request
     * @throws IOException when no temporary file can be made (answered 500)
     */
    static void start(Exchange exchange) throws IOException {
        Path file = Files.createTempFile("solo-echo-", ".body");
        FileChannel spool = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        exchange.onAbort(() -> close(spool));
        exchange.receiveBody(new Echo(exchange, spool));
    }

    @Override
    public void onData(ByteBuffer content) throws IOException {
        while (content.hasRemaining()) {
            spool.write(content);
        }
    }

    @Override
    public void onComplete() throws IOException {
        String type = exchange.request().headers().get(HeaderName.CONTENT_TYPE);
        // The server closes the channel when the response ends, which deletes the file.
        exchange.respond(Response.of(Status.OK)
                .header("Content-Type", type != null ? type : "application/octet-stream")
                .file(spool, 0, spool.position()));
    }

    @Override
    public void onAbort(Throwable cause) {
        close(spool);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Deleting a temporary file failed: nothing a client could be told.
        }
    }
}
