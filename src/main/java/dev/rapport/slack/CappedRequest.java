package dev.rapport.slack;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body can't be read past {@link #MAX_BODY_BYTES}, even when it comes without a
 * Content-Length (chunked): reading further fails instead of filling memory.
 */
final class CappedRequest extends HttpServletRequestWrapper {

  static final int MAX_BODY_BYTES = 1024 * 1024;

  private ServletInputStream capped;

  CappedRequest(HttpServletRequest request) {
    super(request);
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (capped == null) {
      capped = new Capped(super.getInputStream());
    }
    return capped;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    String encoding = getCharacterEncoding();
    Charset charset;
    try {
      charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      throw new java.io.UnsupportedEncodingException(encoding);
    }
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }

  private static final class Capped extends ServletInputStream {
    private final ServletInputStream in;
    private long read;

    Capped(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > MAX_BODY_BYTES) {
        throw new IOException("request body larger than 1 MiB");
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
