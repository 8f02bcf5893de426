package ng.kinta.dedicatedaccounts.trigger.function;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the body of a trigger request exactly as received, whatever its
 * {@code Content-Type}, and keeps it for the signature check ({@link RawRequestBody}).
 * QStash forwards the Content-Type its schedule was created with, and Spring Cloud
 * Function web would otherwise hand a form post to the function as parsed parameters and
 * any other body as decoded text. The function then sees the request as
 * {@code application/octet-stream}: the same bytes, never parsed.
 * <p>
 * A body larger than the limit is refused with 413 before it is buffered whole.
 */
class RawRequestBodyFilter extends OncePerRequestFilter {

	private static final MediaType RAW = MediaType.APPLICATION_OCTET_STREAM;

	private final int maxBytes;

	/**
	 * Creates the filter.
	 * @param maxBytes largest body read, in bytes
	 */
	RawRequestBodyFilter(int maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !HttpMethod.POST.matches(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = request.getInputStream().readNBytes(this.maxBytes + 1);
		if (body.length > this.maxBytes) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			// the same RFC 9457 shape as every other trigger error
			response.setCharacterEncoding("UTF-8");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
						+ "\"detail\":\"The request body is larger than " + this.maxBytes + " bytes\"}");
			return;
		}
		request.setAttribute(RawRequestBody.ATTRIBUTE, body);
		chain.doFilter(new RawBodyRequest(request, body), response);
	}

	/** The request with its body replayed from memory and shown as opaque bytes. */
	private static final class RawBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		RawBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body is already read");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(
					new InputStreamReader(new ByteArrayInputStream(this.body), StandardCharsets.ISO_8859_1));
		}

		@Override
		public String getContentType() {
			return RAW.toString();
		}

		@Override
		public String getCharacterEncoding() {
			return null;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public String getHeader(String name) {
			if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
				return RAW.toString();
			}
			if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
				return String.valueOf(this.body.length);
			}
			return super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
				return Collections.enumeration(Set.of(getHeader(name)));
			}
			return super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			Set<String> names = new LinkedHashSet<>();
			for (Enumeration<String> original = super.getHeaderNames(); original.hasMoreElements();) {
				String name = original.nextElement();
				if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
						&& !HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name)) {
					names.add(name);
				}
			}
			names.add(HttpHeaders.CONTENT_TYPE);
			return Collections.enumeration(names);
		}

	}

}
