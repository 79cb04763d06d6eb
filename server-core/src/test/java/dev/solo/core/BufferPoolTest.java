package dev.solo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BufferPoolTest {

    @Test
    void reusesReleasedBuffersClearedAndCountsOutstanding() {
        BufferPool pool = new BufferPool(1024, 4);
        ByteBuffer first = pool.acquire();
        first.put((byte) 1);
        assertEquals(1, pool.outstanding());
        pool.release(first);
        ByteBuffer again = pool.acquire();
        assertSame(first, again);
        assertEquals(0, again.position());
        assertEquals(1024, again.remaining());
    }

    @Test
    void keepsNoMoreThanItsLimit() {
        BufferPool pool = new BufferPool(16, 1);
        ByteBuffer a = pool.acquire();
        ByteBuffer b = pool.acquire();
        pool.release(a);
        pool.release(b);
        assertSame(a, pool.acquire());
        assertEquals(16, pool.acquire().capacity());
    }

    @Test
    void rejectsNonsenseSizes() {
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(0, 1));
    }
}
