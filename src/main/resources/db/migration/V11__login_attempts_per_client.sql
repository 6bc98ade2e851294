-- Failed logins are counted per typed username and client address together: five wrong passwords from
-- one client no longer lock the account for everybody (the administrator included). Each lock of the
-- same pair lasts twice as long as the one before (locks), up to a day.
alter table login_attempt drop constraint login_attempt_pkey;
alter table login_attempt add column client_address varchar(64) not null default '';
alter table login_attempt add column locks integer not null default 0;
alter table login_attempt add primary key (username, client_address);
