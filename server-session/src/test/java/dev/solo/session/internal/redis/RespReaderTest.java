package dev.solo.session.internal.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RespReaderTest {

    private final RespReader reader = new RespReader(1024);

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEachReplyTypeOfRespTwo() throws Exception {
        ByteBuffer in = bytes("+OK\r\n-ERR wrong\r\n:42\r\n$5\r\nhe\r\no\r\n$-1\r\n*2\r\n$1\r\na\r\n:7\r\n*-1\r\n");

        assertEquals("OK", reader.read(in));
        Object error = reader.read(in);
        assertTrue(error instanceof RedisException);
        assertEquals("ERR wrong", ((RedisException) error).getMessage());
        assertEquals(42L, reader.read(in));
        assertArrayEquals("he\r\no".getBytes(StandardCharsets.UTF_8), (byte[]) reader.read(in));
        assertNull(reader.read(in));
        List<?> array = (List<?>) reader.read(in);
        assertArrayEquals(new byte[] {'a'}, (byte[]) array.get(0));
        assertEquals(7L, array.get(1));
        assertNull(reader.read(in));
        assertSame(RespReader.INCOMPLETE, reader.read(in));
    }

    @Test
    void aReplySplitAtEveryByteIsReadOnceWhole() throws Exception {
        byte[] whole = "*3\r\n$3\r\nfoo\r\n:1\r\n+PONG\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int split = 0; split < whole.length; split++) {
            ByteBuffer in = ByteBuffer.allocate(whole.length);
            in.put(whole, 0, split).flip();

            assertSame(RespReader.INCOMPLETE, reader.read(in), "split at " + split);
            assertEquals(0, in.position(), "nothing consumed at split " + split);

            in.position(in.limit()).limit(whole.length);
            in.put(whole, split, whole.length - split).flip();
            List<?> reply = (List<?>) reader.read(in);
            assertEquals(3, reply.size(), "split at " + split);
            assertEquals("PONG", reply.get(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"$2000\r\n", "*1000\r\n", "?what\r\n", ":12x\r\n", "$3\r\nabcde"})
    void refusesWhatIsNotRespOrExceedsTheCap(String text) {
        assertThrows(RedisProtocolException.class, () -> reader.read(bytes(text)));
    }

    @Test
    void encodesCommandsAsArraysOfBulkStrings() {
        ByteBuffer out = RespWriter.encode("SET", "k", "a b\r\n");

        assertEquals("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\na b\r\n\r\n", StandardCharsets.UTF_8.decode(out).toString());
    }

    @Test
    void anAddressPrintsWithoutItsPassword() {
        RedisAddress address = RedisAddress.parse("redis://user:s3cret@10.0.0.5:6380/2");

        assertEquals("user", address.user());
        assertEquals("s3cret", address.password());
        assertEquals(2, address.database());
        assertEquals("redis://10.0.0.5:6380/2", address.toString());
    }
}
