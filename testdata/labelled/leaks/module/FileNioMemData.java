// h2database 2.1.214, h2/src/main/org/h2/store/fs/niomem/FileNioMemData.java (MPL 2.0 / EPL 1.0),
// trimmed. Hazard behind a helper: a static ThreadLocal filled through withInitial with an h2 class
// (CompressLZF) and never removed; each pooled thread that compresses a page keeps an instance, and
// with it h2's ClassLoader, after the module that bundles h2 is uninstalled.
package org.h2.store.fs.niomem;

import java.nio.ByteBuffer;
import org.h2.compress.CompressLZF;

class FileNioMemData {
    private static final ThreadLocal<CompressLZF> LZF_THREAD_LOCAL = ThreadLocal.withInitial(CompressLZF::new); // want "threadlocal-leak"
    private static final ThreadLocal<byte[]> COMPRESS_OUT_BUF_THREAD_LOCAL = ThreadLocal.withInitial(() -> new byte[2 * 1024]);

    int compressPage(ByteBuffer d) {
        final byte[] compressOutputBuffer = COMPRESS_OUT_BUF_THREAD_LOCAL.get();
        return LZF_THREAD_LOCAL.get().compress(d, 0, compressOutputBuffer, 0);
    }
}
