import type { ProgramSummary } from '@sujarit/contracts';
import { Link } from 'react-router-dom';
import { ProgramProgress } from './ProgramProgress';

interface ProgramCardProps {
  program: ProgramSummary;
  fiscalYear: number;
}

export function ProgramCard({ program, fiscalYear }: ProgramCardProps) {
  return (
    <article className="card" aria-labelledby={`program-${program.id}`}>
      <h2 className="card__title" id={`program-${program.id}`}>
        <Link to={`/programs/${program.id}?fiscalYear=${fiscalYear}`}>
          <span className="code">{program.code}</span> {program.name}
        </Link>
      </h2>
      <ProgramProgress program={program} />
    </article>
  );
}
