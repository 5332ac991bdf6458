-- Conversations as rows: one per (account, thread) with its item, message and unread counts and last message
-- time, kept by the sync in the transaction that writes the thread's messages. GET /api/messages/threads reads a
-- page of them through an index instead of grouping every message of every account on each request.
create table ebay_message_threads (
  account_id uuid not null references ebay_accounts (id) on delete cascade,
  thread_id text not null,
  item_id text,
  item_title text,
  message_count integer not null,
  unread integer not null,
  last_message_at timestamptz not null,
  primary key (account_id, thread_id)
);
create index ebay_message_threads_last_all on ebay_message_threads (last_message_at desc, account_id desc, thread_id desc);
create index ebay_message_threads_last on ebay_message_threads (account_id, last_message_at desc, thread_id desc);

insert into ebay_message_threads (account_id, thread_id, item_id, item_title, message_count, unread, last_message_at)
select account_id, thread_id, max(item_id), max(item_title), count(*)::int,
  (count(*) filter (where not coalesce(is_read, false)))::int, max(received_at)
from ebay_messages
group by account_id, thread_id;
