export function BrandMark() {
  return (
    <span className="inline-flex items-center gap-2 font-semibold text-slate-900 dark:text-white">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7">
        <rect width="32" height="32" rx="8" className="fill-indigo-600 dark:fill-indigo-500" />
        <path
          d="M9 22V10h7.5a4 4 0 0 1 0 8H13m3 0 5 4"
          fill="none"
          stroke="#fff"
          strokeWidth="2.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      ReplyForce
    </span>
  );
}
