package ng.kinta.dedicatedaccounts.batch.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * A small bounded pool of {@link RelayConnection}s ({@code app.mail.connections}, 4 by
 * default): against a distant relay every message costs several round trips on its
 * connection (Angus Mail does not pipeline), so the run's emails go out over a few
 * connections at once, each opened and logged in once per run.
 * <p>
 * The first connection of a run is opened alone: until one connection is open, the others
 * wait for it, and if it fails (no greeting, login refused, 421) every further opening in
 * the run fails the same way without asking the relay, so a run tries a failing relay,
 * and a refused login, once. {@link #startRun()} forgets that verdict.
 */
@Component
class RelayConnections implements DisposableBean {

	private final List<RelayConnection> all;

	private final BlockingQueue<RelayConnection> idle;

	private final Object opening = new Object();

	/** A connection opened in this run: the others open without waiting. */
	private volatile boolean proven;

	/** Why opening a connection failed in this run; then no other one is tried. */
	private volatile @Nullable MessagingException failure;

	RelayConnections(JavaMailSenderImpl mailSender, NotificationProperties properties) {
		int size = properties.connections();
		this.all = new ArrayList<>(size);
		this.idle = new ArrayBlockingQueue<>(size);
		for (int i = 0; i < size; i++) {
			RelayConnection connection = new RelayConnection(mailSender, this);
			this.all.add(connection);
			this.idle.add(connection);
		}
	}

	/**
	 * The number of connections.
	 * @return {@code app.mail.connections}
	 */
	int size() {
		return this.all.size();
	}

	/**
	 * Sends messages over one of the pooled connections, waiting for one to be free.
	 * @param messages messages built from {@link JavaMailSenderImpl#createMimeMessage()}
	 * @throws MailAuthenticationException when the relay refuses the login (nothing sent)
	 * @throws MailSendException when some messages failed, as
	 * {@link RelayConnection#send} reports them
	 */
	void send(MimeMessage... messages) {
		RelayConnection connection = borrow();
		try {
			connection.send(messages);
		}
		finally {
			this.idle.add(connection);
		}
	}

	/** A new run: the relay gets a new chance. */
	void startRun() {
		synchronized (this.opening) {
			this.proven = false;
			this.failure = null;
		}
	}

	/**
	 * Closes every open connection ({@code QUIT}), each once it is no longer in use.
	 */
	void close() {
		for (RelayConnection connection : this.all) {
			connection.close();
		}
	}

	@Override
	public void destroy() {
		close();
	}

	/**
	 * Opens a connection through the run's gate: alone until one is open in this run, and
	 * not at all once opening one has failed in this run.
	 * @param opener connects and logs in
	 * @return the open transport
	 * @throws MessagingException what opening failed with, now or earlier in the run
	 */
	Transport open(Opener opener) throws MessagingException {
		if (!this.proven) {
			synchronized (this.opening) {
				if (!this.proven) {
					return openFirst(opener);
				}
			}
		}
		MessagingException failed = this.failure;
		if (failed != null) {
			throw failed;
		}
		try {
			return opener.open();
		}
		catch (MessagingException ex) {
			this.failure = ex;
			throw ex;
		}
	}

	private Transport openFirst(Opener opener) throws MessagingException {
		MessagingException failed = this.failure;
		if (failed != null) {
			throw failed;
		}
		try {
			Transport open = opener.open();
			this.proven = true;
			return open;
		}
		catch (MessagingException ex) {
			this.failure = ex;
			throw ex;
		}
	}

	private RelayConnection borrow() {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return this.idle.take();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Connects and logs in. */
	@FunctionalInterface
	interface Opener {

		Transport open() throws MessagingException;

	}

}
