package com.trustifi.onboarding.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small authoritative DNS server on 127.0.0.1 that answers TXT queries for the names it is given,
 * so the worker's SPF check does a real DNS lookup without the internet. Other names get NXDOMAIN.
 */
public final class LocalDnsServer implements AutoCloseable {

    private static final int TYPE_TXT = 16;
    private static final int CLASS_IN = 1;

    private final DatagramSocket socket;
    private final Map<String, List<String>> txtRecords = new ConcurrentHashMap<>();
    private final Thread responder;

    private LocalDnsServer(DatagramSocket socket) {
        this.socket = socket;
        this.responder = new Thread(this::serve, "local-dns");
        this.responder.setDaemon(true);
        this.responder.start();
    }

    public static LocalDnsServer start() throws SocketException {
        return new LocalDnsServer(new DatagramSocket(0, InetAddress.getLoopbackAddress()));
    }

    /** host:port, as the worker's {@code worker.spf.resolver} takes it. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public void putTxt(String name, String... values) {
        txtRecords.put(name.toLowerCase(Locale.ROOT), List.of(values));
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket request = new DatagramPacket(buffer, buffer.length);
                socket.receive(request);
                byte[] answer = answer(ByteBuffer.wrap(request.getData(), 0, request.getLength()));
                socket.send(new DatagramPacket(answer, answer.length, request.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private byte[] answer(ByteBuffer query) throws IOException {
        short id = query.getShort();
        query.getShort();
        query.getShort();
        query.position(12);
        int questionStart = query.position();
        String name = readName(query);
        int type = Short.toUnsignedInt(query.getShort());
        query.getShort();
        byte[] question = new byte[query.position() - questionStart];
        query.get(questionStart, question);

        List<String> records = type == TYPE_TXT ? txtRecords.get(name) : null;
        boolean known = txtRecords.containsKey(name);
        var out = new ByteArrayOutputStream();
        var header = ByteBuffer.allocate(12);
        header.putShort(id);
        // response, authoritative, recursion desired echoed; rcode 3 (NXDOMAIN) for unknown names
        header.putShort((short) (0x8400 | (known ? 0 : 3)));
        header.putShort((short) 1);
        header.putShort((short) (records == null ? 0 : records.size()));
        header.putShort((short) 0);
        header.putShort((short) 0);
        out.write(header.array());
        out.write(question);
        if (records != null) {
            for (String record : records) {
                out.write(new byte[] {(byte) 0xC0, 12});
                byte[] text = record.getBytes(StandardCharsets.US_ASCII);
                var rr = ByteBuffer.allocate(10 + 1 + text.length);
                rr.putShort((short) TYPE_TXT).putShort((short) CLASS_IN).putInt(60)
                        .putShort((short) (1 + text.length)).put((byte) text.length).put(text);
                out.write(rr.array());
            }
        }
        return out.toByteArray();
    }

    private static String readName(ByteBuffer buffer) {
        StringBuilder name = new StringBuilder();
        for (int length = Byte.toUnsignedInt(buffer.get()); length > 0; length = Byte.toUnsignedInt(buffer.get())) {
            byte[] label = new byte[length];
            buffer.get(label);
            name.append(name.isEmpty() ? "" : ".").append(new String(label, StandardCharsets.US_ASCII));
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        socket.close();
    }
}
