CREATE FUNCTION public.audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TABLE public.adjustment (
    id integer NOT NULL,
    refund_id integer NOT NULL,
    month character varying(7) NOT NULL,
    amount_fen bigint NOT NULL,
    reason text NOT NULL,
    created_by_id integer NOT NULL,
    created_at timestamp without time zone NOT NULL
);
CREATE SEQUENCE public.adjustment_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.adjustment_id_seq OWNED BY public.adjustment.id;
CREATE TABLE public.audit_head (
    id integer NOT NULL,
    last_seq bigint NOT NULL,
    last_hash character varying(64) NOT NULL
);
CREATE TABLE public.audit_log (
    seq bigint NOT NULL,
    at timestamp without time zone NOT NULL,
    actor character varying(60) NOT NULL,
    action character varying(40) NOT NULL,
    entity character varying(24) NOT NULL,
    entity_id character varying(40) NOT NULL,
    detail text NOT NULL,
    prev_hash character varying(64) NOT NULL,
    hash character varying(64) NOT NULL
);
CREATE TABLE public.counter (
    name character varying(40) NOT NULL,
    value bigint NOT NULL
);
CREATE TABLE public.fault_category (
    code character varying(40) NOT NULL,
    label_zh character varying(80) NOT NULL,
    label_en character varying(120) NOT NULL,
    active boolean NOT NULL,
    sort_order integer NOT NULL
);
CREATE TABLE public.handover (
    id integer NOT NULL,
    shift character varying(8) NOT NULL,
    shift_start timestamp without time zone NOT NULL,
    shift_end timestamp without time zone NOT NULL,
    filled_at timestamp without time zone NOT NULL,
    handed_by_id integer NOT NULL,
    taken_by_id integer,
    attendance text NOT NULL,
    work_done text NOT NULL,
    follow_ups text NOT NULL,
    refund_notes text NOT NULL,
    cleaned boolean,
    signed_at timestamp without time zone,
    confirmed_at timestamp without time zone,
    version integer NOT NULL,
    updated_at timestamp without time zone NOT NULL
);
CREATE SEQUENCE public.handover_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.handover_id_seq OWNED BY public.handover.id;
CREATE TABLE public.holiday_override (
    id integer NOT NULL,
    day date NOT NULL,
    working boolean NOT NULL,
    note character varying(80) NOT NULL
);
CREATE SEQUENCE public.holiday_override_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.holiday_override_id_seq OWNED BY public.holiday_override.id;
CREATE TABLE public.monthly_report (
    id integer NOT NULL,
    kind character varying(8) NOT NULL,
    month character varying(7) NOT NULL,
    state character varying(12) NOT NULL,
    prepared_by_id integer NOT NULL,
    prepared_at timestamp without time zone NOT NULL,
    approved_by_id integer,
    approved_at timestamp without time zone,
    submitted_by_id integer,
    submitted_at timestamp without time zone,
    archived_by_id integer,
    archived_at timestamp without time zone,
    version integer NOT NULL
);
CREATE SEQUENCE public.monthly_report_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.monthly_report_id_seq OWNED BY public.monthly_report.id;
CREATE TABLE public.print_log (
    id integer NOT NULL,
    at timestamp without time zone NOT NULL,
    user_id integer,
    actor character varying(60) NOT NULL,
    document character varying(24) NOT NULL,
    ref character varying(40) NOT NULL,
    version integer NOT NULL
);
CREATE SEQUENCE public.print_log_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.print_log_id_seq OWNED BY public.print_log.id;
CREATE TABLE public.refund (
    id integer NOT NULL,
    form_no character varying(40) NOT NULL,
    idem_key character varying(64) NOT NULL,
    order_no character varying(40) NOT NULL,
    order_claim character varying(40),
    phone character varying(20) NOT NULL,
    contact character varying(100) NOT NULL,
    purchase_time timestamp without time zone NOT NULL,
    bank character varying(20) NOT NULL,
    bank_other character varying(40) NOT NULL,
    amount_fen bigint NOT NULL,
    fault_category character varying(40) NOT NULL,
    fault_description text NOT NULL,
    customer_view text NOT NULL,
    complaint_no character varying(40) NOT NULL,
    complaint_at timestamp without time zone NOT NULL,
    reporting_dept character varying(40) NOT NULL,
    handling_dept character varying(40) NOT NULL,
    state character varying(24) NOT NULL,
    state_since timestamp without time zone NOT NULL,
    outcome character varying(16),
    created_by_id integer NOT NULL,
    created_at timestamp without time zone NOT NULL,
    submitted_by_id integer,
    submitted_at timestamp without time zone,
    tech_returned_at timestamp without time zone,
    finance_submitted_at timestamp without time zone,
    finance_answered_at timestamp without time zone,
    money_confirmed_at timestamp without time zone,
    paid_at timestamp without time zone,
    customer_told_at timestamp without time zone,
    cashier_id integer,
    accountant_id integer,
    director_id integer,
    payer_id integer,
    president_requested boolean NOT NULL,
    president_answered boolean NOT NULL,
    version integer NOT NULL,
    updated_by_id integer NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    CONSTRAINT refund_amount_fen_check CHECK ((amount_fen > 0)),
    CONSTRAINT refund_version_check CHECK ((version >= 1))
);
CREATE SEQUENCE public.refund_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.refund_id_seq OWNED BY public.refund.id;
CREATE TABLE public.schema_version (
    id integer NOT NULL,
    version integer NOT NULL,
    applied_at timestamp without time zone NOT NULL
);
CREATE TABLE public.send_back_reason (
    code character varying(40) NOT NULL,
    label_zh character varying(80) NOT NULL,
    label_en character varying(120) NOT NULL,
    active boolean NOT NULL,
    sort_order integer NOT NULL
);
CREATE TABLE public.setting (
    key character varying(60) NOT NULL,
    value text NOT NULL
);
CREATE TABLE public.step_record (
    id integer NOT NULL,
    refund_id integer NOT NULL,
    action character varying(24) NOT NULL,
    from_state character varying(24) NOT NULL,
    to_state character varying(24) NOT NULL,
    block character varying(16),
    opinion text NOT NULL,
    reason text NOT NULL,
    executor_id integer NOT NULL,
    executed_at timestamp without time zone NOT NULL,
    leader character varying(40) NOT NULL,
    version_after integer NOT NULL
);
CREATE SEQUENCE public.step_record_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.step_record_id_seq OWNED BY public.step_record.id;
CREATE TABLE public."user" (
    id integer NOT NULL,
    username character varying(40) NOT NULL,
    display_name character varying(40) NOT NULL,
    password_hash character varying(255) NOT NULL,
    roles character varying(200) NOT NULL,
    active boolean NOT NULL,
    failed_logins integer NOT NULL,
    locked_until timestamp without time zone,
    created_at timestamp without time zone NOT NULL,
    version integer NOT NULL
);
CREATE SEQUENCE public.user_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.user_id_seq OWNED BY public."user".id;
ALTER TABLE ONLY public.adjustment ALTER COLUMN id SET DEFAULT nextval('public.adjustment_id_seq'::regclass);
ALTER TABLE ONLY public.handover ALTER COLUMN id SET DEFAULT nextval('public.handover_id_seq'::regclass);
ALTER TABLE ONLY public.holiday_override ALTER COLUMN id SET DEFAULT nextval('public.holiday_override_id_seq'::regclass);
ALTER TABLE ONLY public.monthly_report ALTER COLUMN id SET DEFAULT nextval('public.monthly_report_id_seq'::regclass);
ALTER TABLE ONLY public.print_log ALTER COLUMN id SET DEFAULT nextval('public.print_log_id_seq'::regclass);
ALTER TABLE ONLY public.refund ALTER COLUMN id SET DEFAULT nextval('public.refund_id_seq'::regclass);
ALTER TABLE ONLY public.step_record ALTER COLUMN id SET DEFAULT nextval('public.step_record_id_seq'::regclass);
ALTER TABLE ONLY public."user" ALTER COLUMN id SET DEFAULT nextval('public.user_id_seq'::regclass);
ALTER TABLE ONLY public.adjustment
    ADD CONSTRAINT adjustment_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.audit_head
    ADD CONSTRAINT audit_head_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (seq);
ALTER TABLE ONLY public.counter
    ADD CONSTRAINT counter_pkey PRIMARY KEY (name);
ALTER TABLE ONLY public.fault_category
    ADD CONSTRAINT fault_category_pkey PRIMARY KEY (code);
ALTER TABLE ONLY public.handover
    ADD CONSTRAINT handover_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.holiday_override
    ADD CONSTRAINT holiday_override_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.monthly_report
    ADD CONSTRAINT monthly_report_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.print_log
    ADD CONSTRAINT print_log_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.refund
    ADD CONSTRAINT refund_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.schema_version
    ADD CONSTRAINT schema_version_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.send_back_reason
    ADD CONSTRAINT send_back_reason_pkey PRIMARY KEY (code);
ALTER TABLE ONLY public.setting
    ADD CONSTRAINT setting_pkey PRIMARY KEY (key);
ALTER TABLE ONLY public.step_record
    ADD CONSTRAINT step_record_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public."user"
    ADD CONSTRAINT user_pkey PRIMARY KEY (id);
CREATE INDEX adjustment_created_by_id ON public.adjustment USING btree (created_by_id);
CREATE INDEX adjustment_refund_id ON public.adjustment USING btree (refund_id);
CREATE INDEX handover_handed_by_id ON public.handover USING btree (handed_by_id);
CREATE INDEX handover_taken_by_id ON public.handover USING btree (taken_by_id);
CREATE UNIQUE INDEX holiday_override_day ON public.holiday_override USING btree (day);
CREATE INDEX monthly_report_approved_by_id ON public.monthly_report USING btree (approved_by_id);
CREATE INDEX monthly_report_archived_by_id ON public.monthly_report USING btree (archived_by_id);
CREATE UNIQUE INDEX monthly_report_kind_month ON public.monthly_report USING btree (kind, month);
CREATE INDEX monthly_report_prepared_by_id ON public.monthly_report USING btree (prepared_by_id);
CREATE INDEX monthly_report_submitted_by_id ON public.monthly_report USING btree (submitted_by_id);
CREATE INDEX print_log_at ON public.print_log USING btree (at);
CREATE INDEX print_log_user_id ON public.print_log USING btree (user_id);
CREATE INDEX refund_accountant_id ON public.refund USING btree (accountant_id);
CREATE INDEX refund_cashier_id ON public.refund USING btree (cashier_id);
CREATE INDEX refund_complaint_at ON public.refund USING btree (complaint_at);
CREATE INDEX refund_created_at ON public.refund USING btree (created_at);
CREATE INDEX refund_created_by_id ON public.refund USING btree (created_by_id);
CREATE INDEX refund_director_id ON public.refund USING btree (director_id);
CREATE INDEX refund_finance_submitted_at ON public.refund USING btree (finance_submitted_at);
CREATE UNIQUE INDEX refund_form_no ON public.refund USING btree (form_no);
CREATE UNIQUE INDEX refund_idem_key ON public.refund USING btree (idem_key);
CREATE UNIQUE INDEX refund_order_claim ON public.refund USING btree (order_claim);
CREATE INDEX refund_order_no ON public.refund USING btree (order_no);
CREATE INDEX refund_payer_id ON public.refund USING btree (payer_id);
CREATE INDEX refund_phone ON public.refund USING btree (phone);
CREATE INDEX refund_state ON public.refund USING btree (state);
CREATE INDEX refund_state_since ON public.refund USING btree (state_since);
CREATE INDEX refund_state_state_since ON public.refund USING btree (state, state_since);
CREATE INDEX refund_submitted_at ON public.refund USING btree (submitted_at);
CREATE INDEX refund_submitted_by_id ON public.refund USING btree (submitted_by_id);
CREATE INDEX refund_updated_by_id ON public.refund USING btree (updated_by_id);
CREATE INDEX step_record_executed_at ON public.step_record USING btree (executed_at);
CREATE INDEX step_record_executor_id ON public.step_record USING btree (executor_id);
CREATE INDEX step_record_refund_id ON public.step_record USING btree (refund_id);
CREATE INDEX step_record_refund_id_executed_at ON public.step_record USING btree (refund_id, executed_at);
CREATE UNIQUE INDEX user_username ON public."user" USING btree (username);
CREATE TRIGGER audit_log_no_change BEFORE DELETE OR UPDATE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION public.audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_append_only();
ALTER TABLE ONLY public.adjustment
    ADD CONSTRAINT adjustment_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.adjustment
    ADD CONSTRAINT adjustment_refund_id_fkey FOREIGN KEY (refund_id) REFERENCES public.refund(id);
ALTER TABLE ONLY public.handover
    ADD CONSTRAINT handover_handed_by_id_fkey FOREIGN KEY (handed_by_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.handover
    ADD CONSTRAINT handover_taken_by_id_fkey FOREIGN KEY (taken_by_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.monthly_report
    ADD CONSTRAINT monthly_report_approved_by_id_fkey FOREIGN KEY (approved_by_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.monthly_report
    ADD CONSTRAINT monthly_report_archived_by_id_fkey FOREIGN KEY (archived_by_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.monthly_report
    ADD CONSTRAINT monthly_report_prepared_by_id_fkey FOREIGN KEY (prepared_by_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.monthly_report
    ADD CONSTRAINT monthly_report_submitted_by_id_fkey FOREIGN KEY (submitted_by_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.print_log
    ADD CONSTRAINT print_log_user_id_fkey FOREIGN KEY (user_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.refund
    ADD CONSTRAINT refund_accountant_id_fkey FOREIGN KEY (accountant_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.refund
    ADD CONSTRAINT refund_cashier_id_fkey FOREIGN KEY (cashier_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.refund
    ADD CONSTRAINT refund_created_by_id_fkey FOREIGN KEY (created_by_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.refund
    ADD CONSTRAINT refund_director_id_fkey FOREIGN KEY (director_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.refund
    ADD CONSTRAINT refund_payer_id_fkey FOREIGN KEY (payer_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.refund
    ADD CONSTRAINT refund_submitted_by_id_fkey FOREIGN KEY (submitted_by_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.refund
    ADD CONSTRAINT refund_updated_by_id_fkey FOREIGN KEY (updated_by_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.step_record
    ADD CONSTRAINT step_record_executor_id_fkey FOREIGN KEY (executor_id) REFERENCES public."user"(id);
ALTER TABLE ONLY public.step_record
    ADD CONSTRAINT step_record_refund_id_fkey FOREIGN KEY (refund_id) REFERENCES public.refund(id);
