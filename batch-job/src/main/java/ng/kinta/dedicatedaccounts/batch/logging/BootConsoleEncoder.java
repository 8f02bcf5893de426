package ng.kinta.dedicatedaccounts.batch.logging;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.util.StringUtils;

/**
 * The encoder Spring Boot gives its console appender, for an appender of our own:
 * {@link StructuredLogEncoder} when {@code logging.structured.format.console} is set
 * ({@code ecs}, {@code logstash}, {@code gelf} or a formatter class), else the pattern of
 * {@code logging.pattern.console}. Boot's own appender always writes to standard output;
 * {@code logback-spring.xml} uses this encoder on a standard error appender.
 */
public class BootConsoleEncoder extends EncoderBase<ILoggingEvent> {

	private String format;

	private String pattern;

	private Charset charset = StandardCharsets.UTF_8;

	private Encoder<ILoggingEvent> delegate;

	/**
	 * Sets the structured format.
	 * @param format {@code ${CONSOLE_LOG_STRUCTURED_FORMAT}}; empty for the pattern
	 */
	public void setFormat(String format) {
		this.format = format;
	}

	/**
	 * Sets the pattern used when there is no structured format.
	 * @param pattern {@code ${CONSOLE_LOG_PATTERN}}
	 */
	public void setPattern(String pattern) {
		this.pattern = pattern;
	}

	/**
	 * Sets the charset.
	 * @param charset {@code ${CONSOLE_LOG_CHARSET}}
	 */
	public void setCharset(Charset charset) {
		this.charset = charset;
	}

	@Override
	public void start() {
		if (StringUtils.hasText(this.format)) {
			StructuredLogEncoder structured = new StructuredLogEncoder();
			structured.setFormat(this.format);
			structured.setCharset(this.charset);
			this.delegate = structured;
		}
		else {
			PatternLayoutEncoder patternEncoder = new PatternLayoutEncoder();
			patternEncoder.setPattern(this.pattern);
			patternEncoder.setCharset(this.charset);
			this.delegate = patternEncoder;
		}
		this.delegate.setContext(getContext());
		this.delegate.start();
		super.start();
	}

	@Override
	public void stop() {
		if (this.delegate != null) {
			this.delegate.stop();
		}
		super.stop();
	}

	@Override
	public byte[] headerBytes() {
		return this.delegate.headerBytes();
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return this.delegate.encode(event);
	}

	@Override
	public byte[] footerBytes() {
		return this.delegate.footerBytes();
	}

}
