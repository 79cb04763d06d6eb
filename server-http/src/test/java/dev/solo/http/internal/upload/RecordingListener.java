package dev.solo.http.internal.upload;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records what a {@link MultipartParser} reports, checking the order of the calls as it goes. */
final class RecordingListener implements MultipartParser.Listener {

    /** One part as the listener saw it. */
    static final class Part {
        final PartHeaders headers;
        final ByteArrayOutputStream content = new ByteArrayOutputStream();
        boolean ended;

        Part(PartHeaders headers) {
            this.headers = headers;
        }

        String text() {
            return content.toString(StandardCharsets.ISO_8859_1);
        }

        byte[] bytes() {
            return content.toByteArray();
        }
    }

    final List<Part> parts = new ArrayList<>();
    boolean finished;
    int dataCalls;

    @Override
    public void partStart(PartHeaders headers) {
        if (!parts.isEmpty() && !current().ended) {
            throw new AssertionError("partStart before partEnd");
        }
        if (finished) {
            throw new AssertionError("partStart after finished");
        }
        parts.add(new Part(headers));
    }

    @Override
    public void partData(ByteBuffer data) {
        if (parts.isEmpty() || current().ended) {
            throw new AssertionError("partData outside a part");
        }
        if (!data.hasRemaining()) {
            throw new AssertionError("empty partData");
        }
        dataCalls++;
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        current().content.write(bytes, 0, bytes.length);
    }

    @Override
    public void partEnd() {
        if (parts.isEmpty() || current().ended) {
            throw new AssertionError("partEnd without part");
        }
        current().ended = true;
    }

    @Override
    public void finished() {
        if (!parts.isEmpty() && !current().ended) {
            throw new AssertionError("finished inside a part");
        }
        finished = true;
    }

    /** @return the content bytes received so far, over all parts */
    int contentBytes() {
        int total = 0;
        for (Part part : parts) {
            total += part.content.size();
        }
        return total;
    }

    private Part current() {
        return parts.get(parts.size() - 1);
    }
}
