package dev.solo.http.internal.upload;

import dev.solo.http.HttpException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the ordinary fields of a multipart form in memory, within a byte budget: a client could otherwise send
 * a gigabyte "field" to a handler that only expected files.
 */
final class FormFields {

    private final int maxBytes;
    private final List<FormField> fields = new ArrayList<>();
    private final ByteArrayOutputStream value = new ByteArrayOutputStream();
    private int used;
    private String name;

    /** @param maxBytes the budget for all names and values together */
    FormFields(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Starts a field.
     *
     * @param fieldName its name
     * @throws HttpException 413 when the budget is spent
     */
    void start(String fieldName) {
        // Each field costs at least one byte, so the budget also bounds how many (empty) fields are kept.
        charge(fieldName.getBytes(StandardCharsets.UTF_8).length + 1);
        name = fieldName;
        value.reset();
    }

    /**
     * Adds to the current field's value.
     *
     * @param data the bytes, consumed entirely
     * @throws HttpException 413 when the budget is spent
     */
    void append(ByteBuffer data) {
        charge(data.remaining());
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        value.write(chunk, 0, chunk.length);
    }

    /** Ends the current field. */
    void end() {
        fields.add(new FormField(name, value.toString(StandardCharsets.UTF_8)));
        value.reset();
    }

    /** @return the fields, in the order received */
    List<FormField> fields() {
        return List.copyOf(fields);
    }

    private void charge(int bytes) {
        used += bytes;
        if (used > maxBytes || used < 0) {
            throw HttpException.contentTooLarge("form fields too large");
        }
    }
}
